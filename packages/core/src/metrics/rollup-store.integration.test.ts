import { startTestRedis, type TestRedis } from "@hometrip/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyRollup, mergeRollups, summarizeDimension } from "./edge-rollup.ts";
import { rollupKey, rollupTtlSeconds } from "./rollup-periods.ts";
import { readCumulativeRollup, readRollups, recordEdgeCalls } from "./rollup-store.ts";

let store: TestRedis;
beforeAll(async () => {
  store = await startTestRedis({ name: "edge-rollups" });
});
afterAll(() => store?.close());

describe("edge rollups in Redis", () => {
  it("adds isolates into one minute, keeps minutes apart, and expires them", async () => {
    const prefix = `${store.prefix}metrics`;
    const minute = new Date(Date.UTC(2030, 4, 1, 12, 0, 5));
    const later = new Date(minute.getTime() + 60_000);
    const call = { procedure: "search.listings", region: "EU", colo: "AMS" };
    // Two writers (two isolates) into the same minute, a third into the next one.
    await Promise.all([
      recordEdgeCalls(store.redis, {
        prefix,
        at: minute,
        samples: [{ ...call, status: 200, latencyMs: 30 }],
      }),
      recordEdgeCalls(store.redis, {
        prefix,
        at: minute,
        samples: [{ ...call, status: 502, latencyMs: 700 }],
      }),
    ]);
    await recordEdgeCalls(store.redis, {
      prefix,
      at: later,
      samples: [{ ...call, status: 200, latencyMs: 20 }],
    });

    const start = minute.getTime() / 1000 - 5;
    const [first, second] = await readRollups(store.redis, {
      prefix,
      period: "minute",
      starts: [start, start + 60],
    });
    expect(first!.procedure.get("search.listings")?.byClass).toMatchObject({ "2xx": 1, "5xx": 1 });
    expect(second!.procedure.get("search.listings")?.calls).toBe(1);

    const [hour] = await readRollups(store.redis, { prefix, period: "hour", starts: [start] });
    const minutes = mergeRollups(mergeRollups(emptyRollup(), first!), second!);
    expect(hour).toEqual(minutes);
    expect(summarizeDimension(hour!, "colo", 3600)[0]).toMatchObject({
      key: "AMS",
      calls: 3,
      errorRatio: 1 / 3,
    });

    const ttl = await store.redis.ttl(rollupKey(prefix, "minute", start));
    expect(ttl).toBeGreaterThan(rollupTtlSeconds - 60);
    expect(ttl).toBeLessThanOrEqual(rollupTtlSeconds);
    const totals = await readCumulativeRollup(store.redis, prefix);
    expect(totals.all.get("all")).toMatchObject({ calls: 3, latencySumMs: 750 });
  });
});
