import { describe, expect, it } from "vitest";
import {
  emptyHistogram,
  histogramQuantile,
  latencyBucketBounds,
  latencyBucketOf,
  latencyBucketRange,
  mergeHistograms,
} from "./latency-histogram.ts";

/** The nearest-rank percentile of the raw values: what the histogram approximates. */
function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

function histogramOf(values: number[]) {
  const histogram = emptyHistogram();
  for (const v of values) histogram[latencyBucketOf(v)]! += 1;
  return histogram;
}

// A deterministic spread with a long tail: most calls fast, some slow, a few very slow.
function latencies(count: number, seed: number): number[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () => {
    const r = next();
    if (r < 0.8) return Math.round(5 + next() * 40);
    if (r < 0.97) return Math.round(50 + next() * 400);
    return Math.round(500 + next() * 4000);
  });
}

describe("latency histogram", () => {
  it("puts a value in the first bucket whose bound holds it", () => {
    expect(latencyBucketOf(0)).toBe(0);
    expect(latencyBucketOf(1)).toBe(0);
    expect(latencyBucketOf(1.5)).toBe(1);
    expect(latencyBucketOf(10)).toBe(5);
    expect(latencyBucketOf(10_000)).toBe(latencyBucketBounds.length - 1);
    expect(latencyBucketOf(60_000)).toBe(latencyBucketBounds.length);
  });

  it.each([0.5, 0.9, 0.95, 0.99])("estimates p%s within the bucket holding the exact value", (q) => {
    const values = latencies(5000, 7);
    const exact = exactQuantile(values, q);
    const estimate = histogramQuantile(histogramOf(values), q)!;
    const [lower, upper] = latencyBucketRange(latencyBucketOf(exact));
    expect(estimate).toBeGreaterThanOrEqual(lower);
    expect(estimate).toBeLessThanOrEqual(upper);
    // The bound in words: never off by more than the bucket's width (≤ ~30 % of the value here).
    expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(upper - lower);
  });

  it("gives the same percentiles for merged parts as for the whole", () => {
    const values = latencies(3000, 11);
    const parts = [values.slice(0, 1000), values.slice(1000, 1700), values.slice(1700)].map(histogramOf);
    const merged = parts.reduce((into, part) => mergeHistograms(into, part), emptyHistogram());
    expect(merged).toEqual(histogramOf(values));
    for (const q of [0.5, 0.95, 0.99]) {
      expect(histogramQuantile(merged, q)).toBe(histogramQuantile(histogramOf(values), q));
    }
  });

  it("answers exactly when every value sits on a bucket bound", () => {
    const values = [...Array(50).fill(10), ...Array(45).fill(80), ...Array(5).fill(900)];
    const histogram = histogramOf(values);
    expect(histogramQuantile(histogram, 0.5)).toBe(10);
    expect(histogramQuantile(histogram, 0.95)).toBe(80);
    expect(histogramQuantile(histogram, 1)).toBe(900);
  });

  it("has no percentile without data", () => {
    expect(histogramQuantile(emptyHistogram(), 0.5)).toBeNull();
  });
});
