import { env } from "cloudflare:workers";
import { Client } from "@upstash/qstash";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { hostWithListing, insertBooking, trpcGet, trpcPost } from "./calendar-support.ts";
import { call } from "./harness.ts";

type Block = { id: string };

describe("iCal export", () => {
  it("serves bookings and blocks as all-day events that ical.js reads back", async () => {
    const { host, guest, listingId } = await hostWithListing("ical-export");
    const bookingId = await insertBooking(listingId, guest.userId, "2027-08-01", "2027-08-05");
    const block = await trpcPost<Block>(
      "calendar.blockDates",
      { listingId, from: "2027-08-05", to: "2027-08-07" },
      host.auth,
    );

    const exportUrl = await trpcGet<{ url: string }>("calendar.icalExportUrl", { listingId }, host.auth);
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
      { uid: `booking-${bookingId}@hometrip`, start: "2027-08-01", end: "2027-08-05", allDay: true },
      { uid: `block-${block.data.id}@hometrip`, start: "2027-08-05", end: "2027-08-07", allDay: true },
    ]);
    expect(text).not.toContain(guest.email);

    const again = await (await call(pathname)).text();
    expect(again.match(/UID:.*/g)).toEqual(text.match(/UID:.*/g));
  });

  it("answers 404 to a wrong token or another listing's token", async () => {
    const one = await hostWithListing("ical-token-a");
    const two = await hostWithListing("ical-token-b");
    const url = await trpcGet<{ url: string }>(
      "calendar.icalExportUrl",
      { listingId: one.listingId },
      one.host.auth,
    );
    const token = new URL(url.data.url).pathname.split("/").at(-1)!;
    expect((await call(`/ical/${two.listingId}/${token}`)).status).toBe(404);
    expect((await call(`/ical/${one.listingId}/${"0".repeat(32)}.ics`)).status).toBe(404);
    expect((await call(`/ical/${one.listingId}/${token.replace(".ics", "")}`)).status).toBe(404);
  });
});

describe("iCal import registration", () => {
  it("stores the feed and schedules it every 30 minutes; removing stops the schedule", async () => {
    const { host, guest, listingId } = await hostWithListing("ical-import");
    const url = "https://calendar.example.test/feed.ics";
    const added = await trpcPost<{ feedKey: string; scheduleId: string }>(
      "calendar.addIcalImport",
      { listingId, url },
      host.auth,
    );
    expect(added.status).toBe(200);
    const qstash = new Client({ baseUrl: env.QSTASH_URL ?? "", token: env.QSTASH_TOKEN ?? "" });
    const schedule = await qstash.schedules.get(added.data.scheduleId);
    expect(schedule.cron).toBe("*/30 * * * *");
    expect(schedule.destination).toMatch(/\/jobs\/ical-import$/);
    expect(JSON.parse(schedule.body ?? "{}")).toEqual({ listingId, url });

    const listed = await trpcGet<{ url: string }[]>("calendar.icalImports", { listingId }, host.auth);
    expect(listed.data.map((f) => f.url)).toEqual([url]);
    expect((await trpcPost("calendar.addIcalImport", { listingId, url }, guest.auth)).status).toBe(403);
    expect(
      (await trpcPost("calendar.addIcalImport", { listingId, url: "ftp://x.test/a.ics" }, host.auth)).status,
    ).toBe(400);

    const removed = await trpcPost("calendar.removeIcalImport", { listingId, url }, host.auth);
    expect(removed.data).toEqual({ removed: true });
    await expect(qstash.schedules.get(added.data.scheduleId)).rejects.toThrow();
    expect((await trpcGet<unknown[]>("calendar.icalImports", { listingId }, host.auth)).data).toEqual([]);
  });
});
