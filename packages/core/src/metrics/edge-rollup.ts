import {
  emptyHistogram,
  histogramQuantile,
  type LatencyHistogram,
  latencyBucketCount,
  latencyBucketOf,
  mergeHistograms,
} from "./latency-histogram.ts";

/**
 * Minute and hour rollups of edge requests, as flat hash fields so any number of isolates can add
 * to the same period with HINCRBY and a reader sums periods by adding fields. A field is
 * `<dimension>|<value>|<measure>`: measure `2xx`…`5xx` counts calls by status class, `b<i>` counts
 * calls whose latency fell in bucket i, `ms` sums latency (for Prometheus' `_sum`).
 */

export const statusClasses = ["2xx", "3xx", "4xx", "5xx"] as const;
export type StatusClass = (typeof statusClasses)[number];

/** `region` is the continent Cloudflare reports (`cf.continent`); `all` has the single value `all`. */
export const rollupDimensions = ["all", "region", "colo", "procedure"] as const;
export type RollupDimension = (typeof rollupDimensions)[number];

/** One call as the edge saw it: a tRPC call of a batch, or one plain HTTP request. */
export interface EdgeCallSample {
  procedure: string;
  status: number;
  latencyMs: number;
  region: string;
  colo: string;
}

export interface RollupCell {
  calls: number;
  byClass: Record<StatusClass, number>;
  histogram: LatencyHistogram;
  latencySumMs: number;
}

export type Rollup = Record<RollupDimension, Map<string, RollupCell>>;

export const statusClassOf = (status: number): StatusClass =>
  status >= 500 ? "5xx" : status >= 400 ? "4xx" : status >= 300 ? "3xx" : "2xx";

/**
 * Label values come from Cloudflare (colo, continent) or our own router (paths); still, a value is
 * cut to a safe alphabet and length so a field always splits back into its three parts.
 */
export function rollupLabel(value: string | undefined | null): string {
  const cleaned = (value ?? "").replace(/[^A-Za-z0-9._:/ -]/g, "").slice(0, 80);
  return cleaned || "unknown";
}

/** Calls with the same labels and status class, summed: how many, per latency bucket, and their total ms. */
export interface CallTally {
  procedure: string;
  region: string;
  colo: string;
  statusClass: StatusClass;
  calls: number;
  /** Latency bucket index → calls in it. */
  buckets: Map<number, number>;
  latencyMs: number;
}

/** Adds one call to a tally (latency rounded to whole ms, as the fields count it). */
export function tallyCall(tally: CallTally, latencyMs: number): void {
  const latency = Math.max(0, Math.round(latencyMs));
  const bucket = latencyBucketOf(latency);
  tally.calls += 1;
  tally.buckets.set(bucket, (tally.buckets.get(bucket) ?? 0) + 1);
  tally.latencyMs += latency;
}

export function emptyTally(sample: EdgeCallSample): CallTally {
  const { procedure, region, colo } = sample;
  return {
    procedure,
    region,
    colo,
    statusClass: statusClassOf(sample.status),
    calls: 0,
    buckets: new Map(),
    latencyMs: 0,
  };
}

/** Adds a tally's HINCRBY increments under every dimension to `increments`. */
export function addTallyIncrements(increments: Map<string, number>, tally: CallTally): void {
  const add = (field: string, by: number) => increments.set(field, (increments.get(field) ?? 0) + by);
  const labels: [RollupDimension, string][] = [
    ["all", "all"],
    ["region", rollupLabel(tally.region)],
    ["colo", rollupLabel(tally.colo)],
    ["procedure", rollupLabel(tally.procedure)],
  ];
  for (const [dimension, value] of labels) {
    const prefix = `${dimension}|${value}|`;
    add(`${prefix}${tally.statusClass}`, tally.calls);
    for (const [bucket, calls] of tally.buckets) add(`${prefix}b${bucket}`, calls);
    add(`${prefix}ms`, tally.latencyMs);
  }
}

/** HINCRBY increments for a set of calls, summed per field (a batch of 10 calls is one write). */
export function rollupIncrements(samples: EdgeCallSample[]): Map<string, number> {
  const increments = new Map<string, number>();
  for (const sample of samples) {
    const tally = emptyTally(sample);
    tallyCall(tally, sample.latencyMs);
    addTallyIncrements(increments, tally);
  }
  return increments;
}

export function emptyRollup(): Rollup {
  return { all: new Map(), region: new Map(), colo: new Map(), procedure: new Map() };
}

export function emptyRollupCell(): RollupCell {
  return {
    calls: 0,
    byClass: { "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0 },
    histogram: emptyHistogram(),
    latencySumMs: 0,
  };
}

/** Adds one stored hash (field → count, as Redis returns it) into `into`; unknown fields are ignored. */
export function addRollupHash(into: Rollup, hash: Record<string, unknown> | null | undefined): Rollup {
  if (!hash) return into;
  for (const [field, raw] of Object.entries(hash)) {
    const parts = field.split("|");
    if (parts.length !== 3) continue;
    const [dimension, value, measure] = parts as [RollupDimension, string, string];
    const cells = into[dimension];
    const count = Number(raw);
    if (!cells || !Number.isFinite(count)) continue;
    let cell = cells.get(value);
    if (!cell) {
      cell = emptyRollupCell();
      cells.set(value, cell);
    }
    if (measure === "ms") cell.latencySumMs += count;
    else if (measure.startsWith("b")) {
      const bucket = Number(measure.slice(1));
      if (Number.isInteger(bucket) && bucket >= 0 && bucket < latencyBucketCount)
        cell.histogram[bucket]! += count;
    } else if ((statusClasses as readonly string[]).includes(measure)) {
      cell.byClass[measure as StatusClass] += count;
      cell.calls += count;
    }
  }
  return into;
}

export function mergeRollups(into: Rollup, from: Rollup): Rollup {
  for (const dimension of rollupDimensions) {
    for (const [value, cell] of from[dimension]) {
      let target = into[dimension].get(value);
      if (!target) {
        target = emptyRollupCell();
        into[dimension].set(value, target);
      }
      target.calls += cell.calls;
      target.latencySumMs += cell.latencySumMs;
      for (const c of statusClasses) target.byClass[c] += cell.byClass[c];
      mergeHistograms(target.histogram, cell.histogram);
    }
  }
  return into;
}

export interface TrafficSummary {
  key: string;
  calls: number;
  /** Calls per second over the window. */
  rate: number;
  /** Share of calls answered 5xx: the platform's failures. */
  errorRatio: number;
  /** Share answered 4xx: refused input, auth and limits. */
  clientErrorRatio: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export function summarizeCell(key: string, cell: RollupCell, windowSeconds: number): TrafficSummary {
  const ratio = (n: number) => (cell.calls === 0 ? 0 : n / cell.calls);
  return {
    key,
    calls: cell.calls,
    rate: windowSeconds > 0 ? cell.calls / windowSeconds : 0,
    errorRatio: ratio(cell.byClass["5xx"]),
    clientErrorRatio: ratio(cell.byClass["4xx"]),
    p50: histogramQuantile(cell.histogram, 0.5),
    p95: histogramQuantile(cell.histogram, 0.95),
    p99: histogramQuantile(cell.histogram, 0.99),
  };
}

/** Every value of a dimension, busiest first. */
export function summarizeDimension(
  rollup: Rollup,
  dimension: RollupDimension,
  windowSeconds: number,
): TrafficSummary[] {
  return [...rollup[dimension]]
    .map(([key, cell]) => summarizeCell(key, cell, windowSeconds))
    .sort((a, b) => b.calls - a.calls || a.key.localeCompare(b.key));
}
