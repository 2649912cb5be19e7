import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { foldIcalLine, renderIcalFeed } from "./ical-format.ts";
import { IcalParseError, parseIcalEvents } from "./ical-parse.ts";

const now = new Date("2026-03-01T10:20:30Z");

describe("renderIcalFeed", () => {
  const feed = renderIcalFeed({
    name: "Casa; by the sea, with a very long name that goes on and on past seventy-five octets",
    now,
    events: [
      { uid: "booking-1@hometrip", from: "2026-03-10", to: "2026-03-14", summary: "Reserved" },
      { uid: "block-2@hometrip", from: "2026-03-14", to: "2026-03-15", summary: "Not available" },
    ],
  });

  it("parses with ical.js into the same all-day events", () => {
    const calendar = new ICAL.Component(ICAL.parse(feed));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(
      events.map((e) => [e.uid, e.startDate.toString(), e.endDate.toString(), e.startDate.isDate]),
    ).toEqual([
      ["booking-1@hometrip", "2026-03-10", "2026-03-14", true],
      ["block-2@hometrip", "2026-03-14", "2026-03-15", true],
    ]);
    expect(String(calendar.getFirstPropertyValue("x-wr-calname"))).toMatch(/^Casa/);
  });

  it("uses CRLF everywhere and keeps every line within 75 octets", () => {
    expect(feed.endsWith("\r\n")).toBe(true);
    expect(feed.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of feed.split("\r\n"))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(feed).toContain("DTSTAMP:20260301T102030Z");
    expect(feed).toContain("Casa\\; by the sea\\,");
  });

  it("folds without splitting a multi-byte character", () => {
    const folded = foldIcalLine(`SUMMARY:${"é".repeat(60)}`);
    expect(folded.split("\r\n ").join("")).toBe(`SUMMARY:${"é".repeat(60)}`);
  });
});

describe("parseIcalEvents", () => {
  it("reads dates, date-times, folded lines, escapes, and skips cancelled events", () => {
    const text = [
      "BEGIN:VCALENDAR",
      "BEGIN:VEVENT",
      "UID:a@x",
      "DTSTART;VALUE=DATE:20260501",
      "DTEND;VALUE=DATE:20260505",
      "SUMMARY:Airbnb \\, guest",
      " name",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:b@x",
      "DTSTART:20260510T140000Z",
      "DTEND:20260512T100000Z",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:c@x",
      "DTSTART;VALUE=DATE:20260601",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:d@x",
      "STATUS:CANCELLED",
      "DTSTART;VALUE=DATE:20260701",
      "DTEND;VALUE=DATE:20260702",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    expect(parseIcalEvents(text)).toEqual([
      { uid: "a@x", from: "2026-05-01", to: "2026-05-05", summary: "Airbnb , guestname" },
      { uid: "b@x", from: "2026-05-10", to: "2026-05-12", summary: "" },
      { uid: "c@x", from: "2026-06-01", to: "2026-06-02", summary: "" },
    ]);
  });

  it("round-trips the exporter's output", () => {
    const feed = renderIcalFeed({
      name: "x",
      now,
      events: [{ uid: "u1", from: "2026-01-30", to: "2026-02-02", summary: "Not available" }],
    });
    expect(parseIcalEvents(feed)).toEqual([
      { uid: "u1", from: "2026-01-30", to: "2026-02-02", summary: "Not available" },
    ]);
  });

  it("reads an empty calendar as no events, with a byte-order mark and bare LF line ends", () => {
    expect(parseIcalEvents("\uFEFFBEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n")).toEqual([]);
  });

  it("refuses text that is not one whole calendar, so a bad download never unblocks dates", () => {
    const event = ["BEGIN:VEVENT", "UID:a@x", "DTSTART;VALUE=DATE:20260501", "END:VEVENT"];
    const refused = [
      "<html><body>BEGIN:VCALENDAR</body></html>",
      ["BEGIN:VCALENDAR", ...event].join("\r\n"),
      ["BEGIN:VCALENDAR", ...event, "BEGIN:VEVENT", "UID:b@x", "END:VCALENDAR"].join("\r\n"),
      ["BEGIN:VCALENDAR", "BEGIN:VEVENT", ...event, "END:VCALENDAR"].join("\r\n"),
      ["BEGIN:VCALENDAR", "END:VEVENT", "END:VCALENDAR"].join("\r\n"),
      "",
    ];
    for (const text of refused) expect(() => parseIcalEvents(text), text).toThrow(IcalParseError);
  });
});
