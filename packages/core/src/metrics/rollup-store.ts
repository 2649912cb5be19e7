import type { Redis } from "@hometrip/kv";
import {
  addRollupHash,
  type EdgeCallSample,
  emptyRollup,
  type Rollup,
  rollupIncrements,
} from "./edge-rollup.ts";
import {
  cumulativeKey,
  periodStart,
  type RollupPeriod,
  rollupKey,
  rollupTtlSeconds,
} from "./rollup-periods.ts";

/**
 * Adds the calls of one request to its minute, its hour and the cumulative totals: one pipeline
 * (one HTTP round trip to Upstash), meant to run after the answer (`waitUntil`).
 */
export async function recordEdgeCalls(
  redis: Redis,
  opts: { prefix: string; at: Date; samples: EdgeCallSample[] },
): Promise<void> {
  if (opts.samples.length === 0) return;
  const increments = rollupIncrements(opts.samples);
  const pipeline = redis.pipeline();
  for (const period of ["minute", "hour"] as RollupPeriod[]) {
    const key = rollupKey(opts.prefix, period, periodStart(opts.at, period));
    for (const [field, by] of increments) pipeline.hincrby(key, field, by);
    pipeline.expire(key, rollupTtlSeconds);
  }
  const total = cumulativeKey(opts.prefix);
  for (const [field, by] of increments) pipeline.hincrby(total, field, by);
  await pipeline.exec();
}

/** The stored rollups of the given periods (start times in seconds), one per period, in order. */
export async function readRollups(
  redis: Redis,
  opts: { prefix: string; period: RollupPeriod; starts: number[] },
): Promise<Rollup[]> {
  if (opts.starts.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const start of opts.starts) pipeline.hgetall(rollupKey(opts.prefix, opts.period, start));
  const hashes = (await pipeline.exec()) as (Record<string, unknown> | null)[];
  return hashes.map((hash) => addRollupHash(emptyRollup(), hash));
}

/** Everything counted since the totals began: the Prometheus counters. */
export async function readCumulativeRollup(redis: Redis, prefix: string): Promise<Rollup> {
  const hash = await redis.hgetall<Record<string, unknown>>(cumulativeKey(prefix));
  return addRollupHash(emptyRollup(), hash);
}
