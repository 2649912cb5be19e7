import { addDays, type IsoDate } from "@hometrip/contracts/dates";

/**
 * Feeds shaped like the real exports of the platforms hosts sync with, with dates placed around
 * `day0` (a date from the clock, so they never expire). Property order, folding, PRODIDs, UID
 * forms and summaries follow what each platform writes; only the dates and ids are made up.
 */
const compact = (date: IsoDate) => date.replaceAll("-", "");
const crlf = (lines: string[]) => `${lines.join("\r\n")}\r\n`;

/** Airbnb: all-day events, DTEND before DTSTART, long DESCRIPTIONs folded at 75 octets. */
export function airbnbFeed(day0: IsoDate): string {
  const d = (n: number) => compact(addDays(day0, n));
  return crlf([
    "BEGIN:VCALENDAR",
    "PRODID;X-RICAL-TZSOURCE=TZINFO:-//Airbnb Inc//Hosting Calendar 1.0//EN",
    "CALSCALE:GREGORIAN",
    "VERSION:2.0",
    "BEGIN:VEVENT",
    `DTEND;VALUE=DATE:${d(5)}`,
    `DTSTART;VALUE=DATE:${d(2)}`,
    "UID:1418fb94e984-7d2bd43ef5a3e9e1d0bb51a6b7e1c2f4@airbnb.com",
    "DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/d",
    " etails/HMQ4XK2T9R\\nPhone Number (Last 4 Digits): 4821",
    "SUMMARY:Reserved",
    "END:VEVENT",
    "BEGIN:VEVENT",
    `DTEND;VALUE=DATE:${d(40)}`,
    `DTSTART;VALUE=DATE:${d(30)}`,
    "UID:1418fb94e984-0a6f9bd1c38e2f57d2b9a4e61f0c7d38@airbnb.com",
    "SUMMARY:Airbnb (Not available)",
    "END:VEVENT",
    "END:VCALENDAR",
  ]);
}

/** Booking.com: a DTSTAMP per event, UTC date-times for check-in and check-out, "CLOSED" summaries. */
export function bookingComFeed(day0: IsoDate): string {
  const d = (n: number) => compact(addDays(day0, n));
  return crlf([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//admin.booking.com//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `DTSTAMP:${d(-3)}T091512Z`,
    `DTSTART:${d(10)}T140000Z`,
    `DTEND:${d(13)}T100000Z`,
    "UID:6c0e4f3a9d1b27e8f5a04c91b3d2e7f6@booking.com",
    "SUMMARY:CLOSED - Not available",
    "END:VEVENT",
    "BEGIN:VEVENT",
    `DTSTAMP:${d(-3)}T091512Z`,
    `DTSTART;VALUE=DATE:${d(20)}`,
    `DTEND;VALUE=DATE:${d(21)}`,
    "UID:0b91d7c2e4f63a58d1e7c9a2b4f60e13@booking.com",
    "SUMMARY:CLOSED - Not available",
    "END:VEVENT",
    "END:VCALENDAR",
  ]);
}

/** Vrbo (HomeAway): all-day events, reservations and owner blocks, a cancelled reservation left in. */
export function vrboFeed(day0: IsoDate): string {
  const d = (n: number) => compact(addDays(day0, n));
  return crlf([
    "BEGIN:VCALENDAR",
    "PRODID:-//HomeAway.com, Inc.//EN",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    `DTSTAMP:${d(0)}T060000Z`,
    `DTSTART;VALUE=DATE:${d(50)}`,
    `DTEND;VALUE=DATE:${d(57)}`,
    "SUMMARY:Reserved - Morgan T",
    "UID:4f1d0c2e-8b73-4a5e-9f61-2d7c3b8e0a14",
    "END:VEVENT",
    "BEGIN:VEVENT",
    `DTSTAMP:${d(0)}T060000Z`,
    `DTSTART;VALUE=DATE:${d(60)}`,
    `DTEND;VALUE=DATE:${d(62)}`,
    "SUMMARY:Blocked",
    "UID:9a3e7b51-0c4d-4e2f-8a16-5b9d0f3c7e28",
    "END:VEVENT",
    "BEGIN:VEVENT",
    `DTSTAMP:${d(0)}T060000Z`,
    `DTSTART;VALUE=DATE:${d(70)}`,
    `DTEND;VALUE=DATE:${d(74)}`,
    "SUMMARY:Reserved - Sam K",
    "STATUS:CANCELLED",
    "UID:c27e5d90-3f1a-4b8c-a6e4-71d2f09b3c55",
    "END:VEVENT",
    "END:VCALENDAR",
  ]);
}

/**
 * Google Calendar: a VTIMEZONE, an owner's weekly stay (`RRULE:FREQ=WEEKLY;COUNT=3`), an all-day
 * event given by DURATION, and a weekly timed stay in Europe/Lisbon with one week excluded
 * (EXDATE), one moved (RECURRENCE-ID override) and one cancelled (a cancelled override).
 */
export function googleCalendarFeed(day0: IsoDate): string {
  const d = (n: number) => compact(addDays(day0, n));
  const lisbon = "TZID=Europe/Lisbon";
  const event = (lines: string[]) => [
    "BEGIN:VEVENT",
    ...lines,
    `DTSTAMP:${d(0)}T081530Z`,
    `CREATED:${d(-20)}T101010Z`,
    `LAST-MODIFIED:${d(-1)}T101010Z`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
  return crlf([
    "BEGIN:VCALENDAR",
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "X-WR-CALNAME:Beach house – owner",
    "X-WR-TIMEZONE:Europe/Lisbon",
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Lisbon",
    "X-LIC-LOCATION:Europe/Lisbon",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:WEST",
    "DTSTART:19700329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:WET",
    "DTSTART:19701025T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
    ...event([
      `DTSTART;VALUE=DATE:${d(3)}`,
      `DTEND;VALUE=DATE:${d(5)}`,
      "RRULE:FREQ=WEEKLY;COUNT=3",
      "UID:5v8k2q1m3n7p9r4t6w0y2a4c6e@google.com",
      "SEQUENCE:0",
      "STATUS:CONFIRMED",
      "SUMMARY:Owner stay",
    ]),
    ...event([
      `DTSTART;VALUE=DATE:${d(40)}`,
      "DURATION:P3D",
      "UID:1b3d5f7h9j2l4n6p8r0t@google.com",
      "SEQUENCE:0",
      "STATUS:CONFIRMED",
      "SUMMARY:Family visit",
    ]),
    ...event([
      `DTSTART;${lisbon}:${d(100)}T150000`,
      `DTEND;${lisbon}:${d(102)}T110000`,
      "RRULE:FREQ=WEEKLY;COUNT=5",
      `EXDATE;${lisbon}:${d(107)}T150000`,
      "UID:7x9z1b3d5f@google.com",
      "SEQUENCE:1",
      "STATUS:CONFIRMED",
      "SUMMARY:Cleaning crew weekend",
    ]),
    ...event([
      `DTSTART;${lisbon}:${d(115)}T150000`,
      `DTEND;${lisbon}:${d(117)}T110000`,
      `RECURRENCE-ID;${lisbon}:${d(114)}T150000`,
      "UID:7x9z1b3d5f@google.com",
      "SEQUENCE:2",
      "STATUS:CONFIRMED",
      "SUMMARY:Cleaning crew weekend (moved)",
    ]),
    ...event([
      `DTSTART;${lisbon}:${d(121)}T150000`,
      `DTEND;${lisbon}:${d(123)}T110000`,
      `RECURRENCE-ID;${lisbon}:${d(121)}T150000`,
      "UID:7x9z1b3d5f@google.com",
      "SEQUENCE:2",
      "STATUS:CANCELLED",
      "SUMMARY:Cleaning crew weekend",
    ]),
    "END:VCALENDAR",
  ]);
}
