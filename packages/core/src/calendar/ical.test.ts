import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { foldIcalLine, renderIcalFeed } from "./ical-format.ts";

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
