import { utcDaysFromToday } from "@hometrip/testkit/dates";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { hostWithListing, insertBooking } from "./calendar-support.ts";
import { call, createTestClient, settle } from "./harness.ts";

describe("iCal export", () => {
  it("serves bookings and blocks as all-day events that ical.js reads back", async () => {
    const { host, guest, listingId } = await hostWithListing("ical-export");
    // Within the feed's window (30 days back to three years ahead), and not in the past to block.
    const [checkIn, checkOut, blockEnd] = [utcDaysFromToday(60), utcDaysFromToday(64), utcDaysFromToday(66)];
    const bookingId = await insertBooking(listingId, guest.userId, checkIn, checkOut);
    const block = await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({ listingId, from: checkOut, to: blockEnd }),
    );

    const exportUrl = await settle(() =>
      createTestClient(host.auth).calendar.icalExportUrl.query({ listingId }),
    );
    expect(exportUrl.status).toBe(200);
    const { pathname } = new URL(exportUrl.data.url);
    expect(pathname).toMatch(new RegExp(`^/ical/${listingId}/[0-9a-f]{32}\\.ics$`));

    const response = await call(pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("\r\n");
    const events = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v))
      .map((e) => ({
        uid: e.uid,
        start: e.startDate.toString(),
        end: e.endDate.toString(),
        allDay: e.startDate.isDate,
      }));
    expect(events).toEqual([
      { uid: `booking-${bookingId}@hometrip`, start: checkIn, end: checkOut, allDay: true },
      { uid: `block-${block.data.id}@hometrip`, start: checkOut, end: blockEnd, allDay: true },
    ]);
    expect(text).not.toContain(guest.email);

    const again = await (await call(pathname)).text();
    expect(again.match(/UID:.*/g)).toEqual(text.match(/UID:.*/g));
  });

  it("answers 404 to a wrong token or another listing's token", async () => {
    const one = await hostWithListing("ical-token-a");
    const two = await hostWithListing("ical-token-b");
    const url = await settle(() =>
      createTestClient(one.host.auth).calendar.icalExportUrl.query({ listingId: one.listingId }),
    );
    const token = new URL(url.data.url).pathname.split("/").at(-1)!;
    expect((await call(`/ical/${two.listingId}/${token}`)).status).toBe(404);
    expect((await call(`/ical/${one.listingId}/${"0".repeat(32)}.ics`)).status).toBe(404);
    expect((await call(`/ical/${one.listingId}/${token.replace(".ics", "")}`)).status).toBe(404);
  });
});
