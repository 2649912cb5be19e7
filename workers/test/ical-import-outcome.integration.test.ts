import { registerIcalImport } from "@hometrip/core";
import { futureDays } from "@hometrip/testkit/dates";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IcalJobHarness, icalFeed, startIcalJobHarness } from "./support/ical-job.ts";

// Dates from the clock: day(0) is a Tuesday about two months ahead, day(n) n days later.
const day = futureDays(2);

let h: IcalJobHarness;
beforeAll(async () => {
  h = await startIcalJobHarness({ prefix: "workers_ical_outcome" });
});
afterAll(() => h?.close());

const twoStays = () =>
  icalFeed([
    { uid: "x@other", from: day(0), to: day(2) },
    { uid: "y@other", from: day(9), to: day(11) },
  ]);

describe("what the host sees of each sync", () => {
  it("records when the feed was read and how many events it had", async () => {
    const { listingId } = await h.newListing();
    expect(await h.feedRow(listingId)).toMatchObject({
      lastSyncedAt: null,
      lastError: null,
      lastEventCount: null,
    });
    h.feed.body = twoStays();
    const before = Date.now();
    await h.runJob(listingId);
    const row = await h.feedRow(listingId);
    expect(row).toMatchObject({ lastError: null, lastEventCount: 2 });
    expect(row?.lastSyncedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("keeps the blocks and records the error when the feed cannot be fetched or read; the next good sync clears it", async () => {
    const { listingId } = await h.newListing();
    h.feed.body = twoStays();
    await h.runJob(listingId);
    const blocks = await h.blocksOf(listingId);
    expect(blocks).toHaveLength(2);

    const failures: [string, Record<string, unknown>][] = [
      [
        "<html>maintenance</html>",
        { status: "fetch_failed", error: "The address did not answer an iCal calendar" },
      ],
      // Cut off mid-download: reading it as "no events" would unblock both stays.
      [
        twoStays().split("END:VEVENT")[0] ?? "",
        { status: "parse_failed", error: "The feed ends before END:VCALENDAR (incomplete download?)" },
      ],
    ];
    for (const [body, answer] of failures) {
      h.feed.body = body;
      expect((await h.runJob(listingId)).body).toEqual(answer);
      expect(await h.blocksOf(listingId)).toEqual(blocks);
      expect(await h.feedRow(listingId)).toMatchObject({ lastError: answer.error, lastEventCount: 2 });
    }

    h.feed.body = icalFeed([{ uid: "x@other", from: day(0), to: day(2) }]);
    expect((await h.runJob(listingId)).body).toMatchObject({ status: "imported", removed: 1 });
    expect(await h.feedRow(listingId)).toMatchObject({ lastError: null, lastEventCount: 1 });
  });

  it("explains a refused private address and a server that does not answer in time", async () => {
    const { listingId } = await h.newListing();
    h.feed.body = twoStays();
    expect((await h.runJob(listingId, { allowPrivateNetworks: false })).body).toEqual({
      status: "fetch_failed",
      error: "Refusing to fetch from a private network address (127.0.0.1)",
    });
    expect((await h.feedRow(listingId))?.lastError).toMatch(/private network address/);

    const slowUrl = `${h.feed.url}?slow`;
    await registerIcalImport(h.db, { listingId, url: slowUrl });
    expect((await h.runJob(listingId, { url: slowUrl, timeoutMs: 300 })).body).toEqual({
      status: "fetch_failed",
      error: "The calendar server did not answer within 0.3 seconds",
    });
    expect((await h.feedRow(listingId, slowUrl))?.lastError).toBe(
      "The calendar server did not answer within 0.3 seconds",
    );
    expect(await h.blocksOf(listingId)).toEqual([]);
  });
});
