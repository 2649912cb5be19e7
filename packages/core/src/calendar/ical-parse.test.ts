import { addDays, todayIn } from "@hometrip/contracts/dates";
import { airbnbFeed, bookingComFeed, googleCalendarFeed, vrboFeed } from "@hometrip/testkit/ical-feeds";
import { describe, expect, it } from "vitest";
import { renderIcalFeed } from "./ical-format.ts";
import { IcalParseError, parseIcalEvents } from "./ical-parse.ts";

const now = new Date();
const today = todayIn("UTC", now);
/** Day n from today, as ISO and as iCal's compact form. */
const d = (n: number) => addDays(today, n);
const c = (n: number) => d(n).replaceAll("-", "");
const nights = (events: { from: string; to: string }[]) => events.map((e) => [e.from, e.to]);
const calendar = (...lines: string[]) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", ...lines, "END:VCALENDAR"].join("\r\n");
const read = (text: string, timezone = "UTC", horizonDays?: number) =>
  parseIcalEvents(text, { timezone, now, ...(horizonDays && { horizonDays }) });

describe("parseIcalEvents on real platforms' exports", () => {
  it("Airbnb: folded descriptions, DTEND before DTSTART", () => {
    expect(read(airbnbFeed(today))).toEqual([
      {
        uid: "1418fb94e984-7d2bd43ef5a3e9e1d0bb51a6b7e1c2f4@airbnb.com",
        from: d(2),
        to: d(5),
        summary: "Reserved",
      },
      {
        uid: "1418fb94e984-0a6f9bd1c38e2f57d2b9a4e61f0c7d38@airbnb.com",
        from: d(30),
        to: d(40),
        summary: "Airbnb (Not available)",
      },
    ]);
  });

  it("Booking.com: UTC check-in and check-out times become the listing's dates", () => {
    expect(nights(read(bookingComFeed(today)))).toEqual([
      [d(10), d(13)],
      [d(20), d(21)],
    ]);
    // 14:00 UTC is 23:00 in Tokyo; 10:00 UTC is 23:00 the evening before in Pago Pago.
    expect(nights(read(bookingComFeed(today), "Asia/Tokyo"))[0]).toEqual([d(10), d(13)]);
    expect(nights(read(bookingComFeed(today), "Pacific/Pago_Pago"))[0]).toEqual([d(10), d(12)]);
  });

  it("Vrbo: reservations and blocks, the cancelled reservation blocks nothing", () => {
    expect(read(vrboFeed(today)).map((e) => [e.from, e.to, e.summary])).toEqual([
      [d(50), d(57), "Reserved - Morgan T"],
      [d(60), d(62), "Blocked"],
    ]);
  });

  it("Google Calendar: weekly owner stays, DURATION, TZID times, EXDATE, moved and cancelled weeks", () => {
    const events = read(googleCalendarFeed(today), "Europe/Lisbon");
    expect(events.map((e) => [e.uid, e.from, e.to])).toEqual([
      [`5v8k2q1m3n7p9r4t6w0y2a4c6e@google.com#${c(3)}`, d(3), d(5)],
      [`5v8k2q1m3n7p9r4t6w0y2a4c6e@google.com#${c(10)}`, d(10), d(12)],
      [`5v8k2q1m3n7p9r4t6w0y2a4c6e@google.com#${c(17)}`, d(17), d(19)],
      ["1b3d5f7h9j2l4n6p8r0t@google.com", d(40), d(43)],
      [`7x9z1b3d5f@google.com#${c(100)}T150000`, d(100), d(102)],
      [`7x9z1b3d5f@google.com#${c(114)}T150000`, d(115), d(117)],
      [`7x9z1b3d5f@google.com#${c(128)}T150000`, d(128), d(130)],
    ]);
    expect(events[5]?.summary).toBe("Cleaning crew weekend (moved)");
  });

  it("reads TZID times in the listing's zone across the date line", () => {
    // 15:00 in Lisbon is 04:00 or 05:00 the next day on Kiritimati (UTC+14); 11:00 is midnight or 01:00.
    const timed = read(googleCalendarFeed(today), "Pacific/Kiritimati").filter((e) =>
      e.uid.startsWith("7x9z"),
    );
    expect(nights(timed)).toEqual([
      [d(101), d(103)],
      [d(116), d(118)],
      [d(129), d(131)],
    ]);
  });
});

describe("parseIcalEvents, RFC 5545 details", () => {
  it("expands an endless rule only from today over the horizon", () => {
    const daily = calendar(
      "BEGIN:VEVENT",
      "UID:daily@x",
      `DTSTART;VALUE=DATE:${c(-10)}`,
      "RRULE:FREQ=DAILY",
      "END:VEVENT",
    );
    const events = read(daily, "UTC", 60);
    expect(events).toHaveLength(60);
    expect([events[0]?.from, events.at(-1)?.from]).toEqual([d(0), d(59)]);
    expect(read(daily)).toHaveLength(730);
  });

  it("makes one block per night of a rule finer than a day, and stops a runaway rule", () => {
    const secondly = calendar(
      "BEGIN:VEVENT",
      "UID:s@x",
      `DTSTART:${c(1)}T100000Z`,
      "RRULE:FREQ=SECONDLY",
      "END:VEVENT",
    );
    expect(nights(read(secondly))).toEqual([[d(1), d(2)]]);
  });

  it("reads a zone the feed defines itself (Outlook's Windows names)", () => {
    const outlook = calendar(
      "BEGIN:VTIMEZONE",
      "TZID:Tokyo Standard Time",
      "BEGIN:STANDARD",
      "DTSTART:16010101T000000",
      "TZOFFSETFROM:+0900",
      "TZOFFSETTO:+0900",
      "END:STANDARD",
      "END:VTIMEZONE",
      "BEGIN:VEVENT",
      "UID:o@x",
      `DTSTART;TZID=Tokyo Standard Time:${c(5)}T080000`,
      `DTEND;TZID=Tokyo Standard Time:${c(6)}T080000`,
      "END:VEVENT",
    );
    // 08:00 in Tokyo is 23:00 UTC the day before.
    expect(nights(read(outlook))).toEqual([[d(4), d(5)]]);
  });

  it("reads floating times in the listing's zone, one-day events, escapes and missing UIDs", () => {
    const text = calendar(
      "BEGIN:VEVENT",
      `DTSTART:${c(7)}T230000`,
      `DTEND:${c(8)}T010000`,
      "SUMMARY:Guest\\, late \\; arrival",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:single@x",
      `DTSTART;VALUE=DATE:${c(9)}`,
      "END:VEVENT",
    );
    expect(read(text, "Asia/Tokyo")).toEqual([
      { uid: `no-uid-0-${d(7)}`, from: d(7), to: d(8), summary: "Guest, late ; arrival" },
      { uid: "single@x", from: d(9), to: d(10), summary: "" },
    ]);
  });

  it("leaves out events it cannot read or dates no stay can have, and reads the rest", () => {
    const event = (uid: string, ...lines: string[]) => ["BEGIN:VEVENT", `UID:${uid}`, ...lines, "END:VEVENT"];
    const text = calendar(
      ...event("no-start", "SUMMARY:x"),
      ...event("bad-start", "DTSTART:garbage"),
      ...event("bad-until", `DTSTART;VALUE=DATE:${c(2)}`, "RRULE:FREQ=DAILY;UNTIL=zzz"),
      ...event("bad-duration", `DTSTART;VALUE=DATE:${c(2)}`, "DURATION:banana"),
      ...event("year-zero", "DTSTART;VALUE=DATE:00000101"),
      ...event("year-ten-thousand", "DTSTART;VALUE=DATE:99991231"),
      ...event("good", `DTSTART;VALUE=DATE:${c(4)}`, `DTEND;VALUE=DATE:${c(6)}`),
    );
    expect(read(text).map((e) => [e.uid, e.from, e.to])).toEqual([["good", d(4), d(6)]]);
  });

  it("round-trips the exporter's output", () => {
    const feed = renderIcalFeed({
      name: "x",
      now,
      events: [{ uid: "u1", from: d(30), to: d(33), summary: "Not available" }],
    });
    expect(read(feed)).toEqual([{ uid: "u1", from: d(30), to: d(33), summary: "Not available" }]);
  });

  it("reads an empty calendar as no events, with a byte-order mark and bare LF line ends", () => {
    expect(read("\uFEFFBEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n")).toEqual([]);
  });

  it("refuses text that is not one whole calendar, so a bad download never unblocks dates", () => {
    const event = ["BEGIN:VEVENT", "UID:a@x", `DTSTART;VALUE=DATE:${c(3)}`, "END:VEVENT"];
    const refused = [
      "<html><body>BEGIN:VCALENDAR</body></html>",
      ["BEGIN:VCALENDAR", ...event].join("\r\n"),
      ["BEGIN:VCALENDAR", ...event, "BEGIN:VEVENT", "UID:b@x", "END:VCALENDAR"].join("\r\n"),
      ["BEGIN:VCALENDAR", "BEGIN:VEVENT", ...event, "END:VCALENDAR"].join("\r\n"),
      ["BEGIN:VCALENDAR", "END:VEVENT", "END:VCALENDAR"].join("\r\n"),
      ["BEGIN:VCALENDAR", "END:VCALENDAR", "BEGIN:VCALENDAR", "END:VCALENDAR"].join("\r\n"),
      "",
    ];
    for (const text of refused) expect(() => read(text), text).toThrow(IcalParseError);
  });
});
