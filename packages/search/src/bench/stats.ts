/** Nearest-rank percentile of samples in milliseconds. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface Summary {
  p50: number;
  p95: number;
  p99: number;
}

export const summarize = (samples: number[]): Summary => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  p99: percentile(samples, 99),
});

export const ms = (value: number) => value.toFixed(1);
