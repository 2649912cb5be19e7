/**
 * Where rollups live in Redis: one hash per minute and one per hour (the day view reads 24 hashes,
 * not 1,440), both kept about 26 hours so "the last day" is always whole, and one cumulative hash
 * that never expires for Prometheus counters (their values only grow; scrapes compute rates).
 */
export const rollupTtlSeconds = 26 * 3600;

export type RollupPeriod = "minute" | "hour";

export const periodSeconds: Record<RollupPeriod, number> = { minute: 60, hour: 3600 };

export const periodStart = (at: Date, period: RollupPeriod) =>
  Math.floor(at.getTime() / 1000 / periodSeconds[period]) * periodSeconds[period];

export const rollupKey = (prefix: string, period: RollupPeriod, startSeconds: number) =>
  `${prefix}:${period === "minute" ? "m" : "h"}:${startSeconds}`;

export const cumulativeKey = (prefix: string) => `${prefix}:total`;

/** The `count` periods ending with the one holding `now`, oldest first (start times in seconds). */
export function recentPeriods(now: Date, period: RollupPeriod, count: number): number[] {
  const last = periodStart(now, period);
  const step = periodSeconds[period];
  return Array.from({ length: count }, (_, i) => last - (count - 1 - i) * step);
}
