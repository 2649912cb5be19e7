import { describe, expect, it } from "vitest";
import {
  addRollupHash,
  type EdgeCallSample,
  emptyRollup,
  mergeRollups,
  rollupIncrements,
  rollupLabel,
  summarizeDimension,
} from "./edge-rollup.ts";
import { RollupBuffer } from "./rollup-buffer.ts";
import { recentPeriods } from "./rollup-periods.ts";

const sample = (overrides: Partial<EdgeCallSample> = {}): EdgeCallSample => ({
  procedure: "listings.get",
  status: 200,
  latencyMs: 12,
  region: "EU",
  colo: "LIS",
  ...overrides,
});

/** What Redis holds after HINCRBY of these increments: numbers come back as they were added. */
const asHash = (increments: Map<string, number>) => Object.fromEntries(increments);

describe("edge rollups", () => {
  it("counts each call under every dimension, by status class and latency bucket", () => {
    const rollup = addRollupHash(
      emptyRollup(),
      asHash(
        rollupIncrements([
          sample(),
          sample({ status: 503, latencyMs: 900, colo: "FRA" }),
          sample({ procedure: "search.listings", status: 404, region: "NA", colo: "IAD" }),
        ]),
      ),
    );
    expect(rollup.all.get("all")?.calls).toBe(3);
    expect(rollup.region.get("EU")?.byClass).toEqual({ "2xx": 1, "3xx": 0, "4xx": 0, "5xx": 1 });
    expect(rollup.colo.get("IAD")?.byClass["4xx"]).toBe(1);
    expect(rollup.procedure.get("listings.get")?.calls).toBe(2);
    expect(rollup.procedure.get("listings.get")?.latencySumMs).toBe(912);
  });

  it("merges minutes and isolates by adding, whatever the order", () => {
    // Two isolates writing into the same minute, and a second minute.
    const isolateA = rollupIncrements([sample(), sample({ latencyMs: 300 })]);
    const isolateB = rollupIncrements([sample({ status: 500, latencyMs: 40 })]);
    const sameMinute: Record<string, number> = {};
    for (const inc of [isolateA, isolateB]) {
      for (const [field, by] of inc) sameMinute[field] = (sameMinute[field] ?? 0) + by;
    }
    const nextMinute = asHash(rollupIncrements([sample({ region: "AS", colo: "NRT" })]));

    const merged = mergeRollups(
      addRollupHash(emptyRollup(), sameMinute),
      addRollupHash(emptyRollup(), nextMinute),
    );
    const reversed = mergeRollups(
      addRollupHash(emptyRollup(), nextMinute),
      addRollupHash(emptyRollup(), sameMinute),
    );
    expect(merged).toEqual(reversed);
    const [eu] = summarizeDimension(merged, "region", 120);
    expect(eu).toMatchObject({ key: "EU", calls: 3, errorRatio: 1 / 3 });
    expect(merged.all.get("all")?.calls).toBe(4);
    expect(summarizeDimension(merged, "all", 120)[0]?.rate).toBeCloseTo(4 / 120);
  });

  it("keeps labels splittable and bounded", () => {
    expect(rollupLabel("a|b\nc")).toBe("abc");
    expect(rollupLabel("")).toBe("unknown");
    expect(rollupLabel("x".repeat(200))).toHaveLength(80);
    expect(rollupLabel("GET /listings/:id/photos")).toBe("GET /listings/:id/photos");
  });

  it("ignores fields it does not know", () => {
    const rollup = addRollupHash(emptyRollup(), {
      "all|all|2xx": 2,
      junk: 5,
      "nope|x|2xx": 1,
      "all|all|b999": 3,
    });
    expect(rollup.all.get("all")?.calls).toBe(2);
    expect(rollup.all.get("all")?.histogram.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it("lists the periods ending with the current one, oldest first", () => {
    const now = new Date(new Date().setUTCHours(10, 30, 45, 0));
    const minutes = recentPeriods(now, "minute", 3);
    expect(minutes.map((s) => new Date(s * 1000).toISOString().slice(11, 16))).toEqual([
      "10:28",
      "10:29",
      "10:30",
    ]);
  });
});

describe("rollup buffer", () => {
  it("sums calls per minute until a flush is due, keeping each call's minute", () => {
    const t0 = new Date().setUTCHours(9, 59, 50, 0);
    const buffer = new RollupBuffer(10_000, t0);
    buffer.add("m", new Date(t0), [sample()]);
    buffer.add("m", new Date(t0 + 5_000), [sample({ status: 500 })]);
    expect(buffer.takeDue(t0 + 9_000)).toEqual([]);
    buffer.add("m", new Date(t0 + 10_000), [sample()]);
    const due = buffer.takeDue(t0 + 10_000);
    expect(
      due.map((b) => [b.minute, b.increments.get("all|all|2xx") ?? 0, b.increments.get("all|all|5xx") ?? 0]),
    ).toEqual([
      [t0 / 1000 - 50, 1, 1],
      [t0 / 1000 + 10, 1, 0],
    ]);
    expect(buffer.takeDue(t0 + 30_000)).toEqual([]);
  });

  it("writes the same fields as the calls' own increments, however many calls it summed", () => {
    const minuteStart = Math.floor(Date.now() / 60_000) * 60_000;
    const buffer = new RollupBuffer(60_000, minuteStart);
    const samples: EdgeCallSample[] = [];
    for (let i = 0; i < 200; i++) {
      const batch = [
        sample({
          procedure: ["listings.get", "search.listings", "GET /health"][i % 3],
          status: [200, 204, 302, 404, 429, 500][i % 6],
          latencyMs: ((i * 37) % 1200) + (i % 2 ? 0.4 : 0.6),
          region: ["EU", "NA", "weird|region\n"][i % 3],
          colo: ["LIS", "FRA", "IAD", "NRT"][i % 4],
        }),
      ];
      samples.push(...batch);
      buffer.add("m", new Date(minuteStart + (i % 59) * 1000), batch);
    }
    const [written, ...rest] = buffer.takeDue(minuteStart + 60_000);
    expect(rest).toEqual([]);
    expect(asHash(written?.increments ?? new Map())).toEqual(asHash(rollupIncrements(samples)));
  });

  it("writes at every request when the interval is 0", () => {
    const buffer = new RollupBuffer(0, 0);
    buffer.add("m", new Date(0), [sample()]);
    expect(buffer.takeDue(0)).toHaveLength(1);
  });
});
