import { zSearchQuery } from "@hometrip/contracts";
import { cachedSearch, createPostgresSearchIndex } from "@hometrip/search";
import { startTestRedis, type TestRedis } from "@hometrip/testkit";
import { futureDays } from "@hometrip/testkit/dates";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IcalJobHarness, icalFeed, startIcalJobHarness } from "./support/ical-job.ts";

// Dates from the clock: day(0) is a Saturday about two months ahead, day(n) n days later.
const day = futureDays(6);

let cache: TestRedis;
let h: IcalJobHarness;
beforeAll(async () => {
  cache = await startTestRedis({ name: "workers" });
  h = await startIcalJobHarness({
    prefix: "workers_ical_cache",
    searchCache: { redis: cache.redis, prefix: cache.prefix },
  });
});
afterAll(async () => {
  await h?.close();
  await cache?.close();
});

describe("cached searches after an iCal import", () => {
  it("are dropped when the import took dates, and kept when nothing changed", async () => {
    const at = { lat: -40 + Math.random() * 80, lng: -170 + Math.random() * 340 };
    const { listingId } = await h.newListing({ at });
    const index = createPostgresSearchIndex(h.database.pool);
    const query = zSearchQuery.parse({
      bounds: { north: at.lat + 0.01, south: at.lat - 0.01, east: at.lng + 0.01, west: at.lng - 0.01 },
      checkIn: day(0),
      checkOut: day(2),
    });
    const search = async () => {
      const { result, cache: served } = await cachedSearch(
        cache.redis,
        query,
        { ttlSeconds: 300, prefix: cache.prefix },
        () => index.search(query),
      );
      return { served, ids: result.hits.map((hit) => hit.id) };
    };
    expect(await search()).toEqual({ served: "miss", ids: [listingId] });
    expect(await search()).toEqual({ served: "hit", ids: [listingId] });

    h.feed.body = icalFeed([{ uid: "april@other", from: day(1), to: day(3) }]);
    expect((await h.runJob(listingId)).body).toMatchObject({ status: "imported", created: 1 });
    expect(await search()).toEqual({ served: "miss", ids: [] });
    expect(await search()).toEqual({ served: "hit", ids: [] });

    // The same feed again changes no block, so the cached pages stay valid.
    expect((await h.runJob(listingId)).body).toMatchObject({ created: 0, removed: 0, unchanged: 1 });
    expect(await search()).toEqual({ served: "hit", ids: [] });
  });
});
