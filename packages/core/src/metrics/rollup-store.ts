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

/** Increments for one minute of one key prefix: what a buffer flushes or a request writes. */
export interface RollupBatch {
  prefix: string;
  /** Start of the minute, unix seconds. */
  minute: number;
  increments: Map<string, number>;
}

/**
 * Adds batches to their minute, their hour and the cumulative totals in one pipeline (one HTTP
 * round trip to Upstash), meant to run after the answer (`waitUntil`).
 */
export async function writeRollupBatches(redis: Redis, batches: RollupBatch[]): Promise<void> {
  if (batches.length === 0) return;
  const pipeline = redis.pipeline();
  for (const { prefix, minute, increments } of batches) {
    const at = new Date(minute * 1000);
    for (const period of ["minute", "hour"] as RollupPeriod[]) {
      const key = rollupKey(prefix, period, periodStart(at, period));
      for (const [field, by] of increments) pipeline.hincrby(key, field, by);
      pipeline.expire(key, rollupTtlSeconds);
    }
    const total = cumulativeKey(prefix);
    for (const [field, by] of increments) pipeline.hincrby(total, field, by);
  }
  await pipeline.exec();
}

/** The calls of one request, written at once. */
export function recordEdgeCalls(
  redis: Redis,
  opts: { prefix: string; at: Date; samples: EdgeCallSample[] },
): Promise<void> {
  if (opts.samples.length === 0) return Promise.resolve();
  const minute = periodStart(opts.at, "minute");
  return writeRollupBatches(redis, [
    { prefix: opts.prefix, minute, increments: rollupIncrements(opts.samples) },
  ]);
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
