/**
 * Fixed-bucket latency histograms: the same bucket bounds in every isolate and every minute, so
 * histograms merge by adding counts (across minutes, isolates and dimensions) and a percentile of
 * the merge is as good as one of a single histogram. Bounds grow by about 1.4× so the estimate's
 * error stays a bounded fraction of the latency (within the one bucket the exact value lies in).
 */

/** Upper bounds in milliseconds; the last bucket (index `latencyBucketBounds.length`) is +Inf. */
export const latencyBucketBounds = [
  1, 2, 3, 5, 7, 10, 14, 20, 28, 40, 56, 80, 110, 160, 220, 320, 450, 640, 900, 1300, 1800, 2500, 3600, 5000,
  7000, 10_000,
] as const;

export const latencyBucketCount = latencyBucketBounds.length + 1;

export type LatencyHistogram = number[];

export function emptyHistogram(): LatencyHistogram {
  return new Array<number>(latencyBucketCount).fill(0);
}

/** The bucket a latency falls in: the first whose upper bound is at least the value. */
export function latencyBucketOf(latencyMs: number): number {
  for (let i = 0; i < latencyBucketBounds.length; i++) {
    if (latencyMs <= latencyBucketBounds[i]!) return i;
  }
  return latencyBucketBounds.length;
}

/** [lower, upper] of a bucket in ms; the overflow bucket reports its lower bound twice. */
export function latencyBucketRange(index: number): [number, number] {
  const lower = index === 0 ? 0 : latencyBucketBounds[index - 1]!;
  const upper = latencyBucketBounds[index] ?? lower;
  return [lower, upper];
}

export function mergeHistograms(into: LatencyHistogram, from: LatencyHistogram): LatencyHistogram {
  for (let i = 0; i < latencyBucketCount; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
  return into;
}

/**
 * The q-quantile (0 < q ≤ 1) by linear interpolation inside the bucket holding the rank, as
 * Prometheus' histogram_quantile does; null for an empty histogram. The true value lies in the
 * same bucket, so the error is at most that bucket's width.
 */
export function histogramQuantile(histogram: LatencyHistogram, q: number): number | null {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < latencyBucketCount; i++) {
    const inBucket = histogram[i] ?? 0;
    if (inBucket === 0) continue;
    if (seen + inBucket >= rank) {
      const [lower, upper] = latencyBucketRange(i);
      const fraction = Math.min(1, Math.max(0, (rank - seen) / inBucket));
      return Math.round((lower + (upper - lower) * fraction) * 10) / 10;
    }
    seen += inBucket;
  }
  return latencyBucketRange(latencyBucketCount - 1)[0];
}
