import { env } from "cloudflare:workers";
import { Client } from "@upstash/qstash";
import { describe, expect, it } from "vitest";
import { hostWithListing } from "./calendar-support.ts";
import { sql } from "./db.ts";
import { createTestClient, settle } from "./harness.ts";

const qstash = () => new Client({ baseUrl: env.QSTASH_URL ?? "", token: env.QSTASH_TOKEN ?? "" });

const importRows = (listingId: string) =>
  sql<{ id: string; url: string; schedule_id: string | null }>(
    "select id, url, schedule_id from ical_imports where listing_id = $1 order by created_at, id",
    [listingId],
  );

describe("iCal import registration", () => {
  it("stores the feed with its 30-minute schedule; the same URL again keeps the one feed", async () => {
    const { host, listingId } = await hostWithListing("ical-import");
    const url = "https://calendar.example.test/feed.ics";
    const added = await settle(() =>
      createTestClient(host.auth).calendar.addIcalImport.mutate({ listingId, url }),
    );
    expect(added.status).toBe(200);
    expect(added.data).toMatchObject({
      listingId,
      url,
      feedKey: expect.stringMatching(/^[0-9a-f]{12}$/),
      scheduleId: `ical-import-${added.data.id}`,
      lastSyncedAt: null,
      lastError: null,
      lastEventCount: null,
    });
    expect(await importRows(listingId)).toEqual([
      { id: added.data.id, url, schedule_id: added.data.scheduleId },
    ]);

    const schedule = await qstash().schedules.get(added.data.scheduleId ?? "");
    expect(schedule.cron).toBe("*/30 * * * *");
    expect(schedule.destination).toMatch(/\/jobs\/ical-import$/);
    expect(JSON.parse(schedule.body ?? "{}")).toEqual({ listingId, url });

    const again = await settle(() =>
      createTestClient(host.auth).calendar.addIcalImport.mutate({ listingId, url }),
    );
    expect(again.data.id).toBe(added.data.id);
    expect(await importRows(listingId)).toHaveLength(1);
  });

  it("lists each feed with the outcome of its last sync, as the worker recorded it", async () => {
    const { host, listingId } = await hostWithListing("ical-list");
    const good = "https://calendar.example.test/good.ics";
    const broken = "https://calendar.example.test/broken.ics";
    await settle(() => createTestClient(host.auth).calendar.addIcalImport.mutate({ listingId, url: good }));
    await settle(() => createTestClient(host.auth).calendar.addIcalImport.mutate({ listingId, url: broken }));
    await sql(
      `update ical_imports set last_synced_at = '2026-01-05T10:00:00Z', last_error = null, last_event_count = 3
       where listing_id = $1 and url = $2`,
      [listingId, good],
    );
    await sql(
      `update ical_imports set last_synced_at = '2026-01-05T10:30:00Z',
         last_error = 'The calendar server answered 404', last_event_count = null
       where listing_id = $1 and url = $2`,
      [listingId, broken],
    );

    const listed = await settle(() => createTestClient(host.auth).calendar.icalImports.query({ listingId }));
    expect(listed.status).toBe(200);
    expect(
      listed.data.map(({ url, lastSyncedAt, lastError, lastEventCount }) => ({
        url,
        lastSyncedAt,
        lastError,
        lastEventCount,
      })),
    ).toEqual([
      { url: good, lastSyncedAt: "2026-01-05T10:00:00.000Z", lastError: null, lastEventCount: 3 },
      {
        url: broken,
        lastSyncedAt: "2026-01-05T10:30:00.000Z",
        lastError: "The calendar server answered 404",
        lastEventCount: null,
      },
    ]);
  });

  it("allows five feeds a listing, and only the listing's host may see or change them", async () => {
    const { host, guest, listingId } = await hostWithListing("ical-limit");
    const feed = (n: number) => `https://calendar.example.test/feed-${n}.ics`;
    for (let n = 1; n <= 5; n++) {
      expect(
        (
          await settle(() =>
            createTestClient(host.auth).calendar.addIcalImport.mutate({ listingId, url: feed(n) }),
          )
        ).status,
      ).toBe(200);
    }
    const sixth = await settle(() =>
      createTestClient(host.auth).calendar.addIcalImport.mutate({ listingId, url: feed(6) }),
    );
    expect(sixth.status).toBe(400);
    expect(sixth.error?.message).toBe("A listing can import at most 5 calendars");
    expect((await importRows(listingId)).map((r) => r.url)).toEqual([1, 2, 3, 4, 5].map(feed));

    expect(
      (
        await settle(() =>
          createTestClient(guest.auth).calendar.addIcalImport.mutate({ listingId, url: feed(6) }),
        )
      ).status,
    ).toBe(403);
    expect(
      (await settle(() => createTestClient(guest.auth).calendar.icalImports.query({ listingId }))).status,
    ).toBe(403);
    expect(
      (
        await settle(() =>
          createTestClient(guest.auth).calendar.removeIcalImport.mutate({ listingId, url: feed(1) }),
        )
      ).status,
    ).toBe(403);
    const ftp = await settle(() =>
      createTestClient(host.auth).calendar.addIcalImport.mutate({ listingId, url: "ftp://x.test/a.ics" }),
    );
    expect(ftp.status).toBe(400);
    expect(await importRows(listingId)).toHaveLength(5);
  });

  it("removing a feed deletes its row and stops its schedule", async () => {
    const { host, listingId } = await hostWithListing("ical-remove");
    const url = "https://calendar.example.test/remove.ics";
    const added = await settle(() =>
      createTestClient(host.auth).calendar.addIcalImport.mutate({ listingId, url }),
    );
    const scheduleId = added.data.scheduleId ?? "";
    expect((await qstash().schedules.get(scheduleId)).scheduleId).toBe(scheduleId);

    const removed = await settle(() =>
      createTestClient(host.auth).calendar.removeIcalImport.mutate({ listingId, url }),
    );
    expect(removed.data).toEqual({ removed: true, freedBlocks: 0 });
    await expect(qstash().schedules.get(scheduleId)).rejects.toThrow();
    expect(await importRows(listingId)).toEqual([]);
    expect(
      (await settle(() => createTestClient(host.auth).calendar.icalImports.query({ listingId }))).data,
    ).toEqual([]);
    expect(
      (await settle(() => createTestClient(host.auth).calendar.removeIcalImport.mutate({ listingId, url })))
        .data,
    ).toEqual({
      removed: false,
      freedBlocks: 0,
    });
  });
});
