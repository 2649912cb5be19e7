import type { Redis } from "@hometrip/kv";
import {
  emptyRollup,
  emptyRollupCell,
  mergeRollups,
  type Rollup,
  type RollupCell,
  summarizeCell,
  summarizeDimension,
  type TrafficSummary,
} from "./edge-rollup.ts";
import { histogramQuantile } from "./latency-histogram.ts";
import { periodSeconds, type RollupPeriod, recentPeriods } from "./rollup-periods.ts";
import { readRollups } from "./rollup-store.ts";

export type TrafficWindow = "hour" | "day";

/** The last hour is 60 minute rollups, the last day 24 hour rollups (both end with the current one). */
const windowShape: Record<TrafficWindow, { period: RollupPeriod; count: number }> = {
  hour: { period: "minute", count: 60 },
  day: { period: "hour", count: 24 },
};

/** A procedure needs this many calls in the window before it can rank among the slowest. */
const slowestMinCalls = 5;

export interface TrafficReport {
  window: TrafficWindow;
  from: string;
  to: string;
  total: TrafficSummary;
  regions: TrafficSummary[];
  colos: TrafficSummary[];
  procedures: TrafficSummary[];
  /** By p95, slowest first (procedures with too few calls to tell are left out). */
  slowest: TrafficSummary[];
  /** Regions that answered any 5xx in the window, worst ratio first. */
  regionsWithErrors: TrafficSummary[];
}

async function windowRollups(redis: Redis, prefix: string, now: Date, window: TrafficWindow) {
  const { period, count } = windowShape[window];
  const starts = recentPeriods(now, period, count);
  return { period, starts, rollups: await readRollups(redis, { prefix, period, starts }) };
}

export async function edgeTrafficReport(
  redis: Redis,
  opts: { prefix: string; now: Date; window: TrafficWindow },
): Promise<TrafficReport> {
  const { period, starts, rollups } = await windowRollups(redis, opts.prefix, opts.now, opts.window);
  const merged = rollups.reduce<Rollup>((into, r) => mergeRollups(into, r), emptyRollup());
  const seconds = starts.length * periodSeconds[period];
  const all = summarizeDimension(merged, "all", seconds)[0];
  const procedures = summarizeDimension(merged, "procedure", seconds);
  const regions = summarizeDimension(merged, "region", seconds);
  return {
    window: opts.window,
    from: new Date(starts[0]! * 1000).toISOString(),
    to: opts.now.toISOString(),
    total: all ?? summarizeCell("all", emptyRollupCell(), seconds),
    regions,
    colos: summarizeDimension(merged, "colo", seconds),
    procedures,
    slowest: procedures
      .filter((p) => p.calls >= slowestMinCalls && p.p95 !== null)
      .sort((a, b) => (b.p95 ?? 0) - (a.p95 ?? 0))
      .slice(0, 10),
    regionsWithErrors: regions.filter((r) => r.errorRatio > 0).sort((a, b) => b.errorRatio - a.errorRatio),
  };
}

export interface TrafficSeriesLine {
  key: string;
  /** Calls per second in each period. */
  rate: number[];
  /** 5xx share in each period (0 without calls). */
  errorRatio: number[];
  p50: (number | null)[];
  p95: (number | null)[];
  p99: (number | null)[];
}

export interface TrafficSeries {
  window: TrafficWindow;
  /** Start of each period, unix seconds (uPlot's x axis). */
  timestamps: number[];
  total: TrafficSeriesLine;
  regions: TrafficSeriesLine[];
}

/** Per period (minute for the hour, hour for the day): the whole edge and each region. */
export async function edgeTrafficSeries(
  redis: Redis,
  opts: { prefix: string; now: Date; window: TrafficWindow },
): Promise<TrafficSeries> {
  const { period, starts, rollups } = await windowRollups(redis, opts.prefix, opts.now, opts.window);
  const seconds = periodSeconds[period];
  const lineOf = (key: string, cellAt: (r: Rollup) => RollupCell | undefined): TrafficSeriesLine => {
    const line: TrafficSeriesLine = { key, rate: [], errorRatio: [], p50: [], p95: [], p99: [] };
    for (const rollup of rollups) {
      const cell = cellAt(rollup);
      const calls = cell?.calls ?? 0;
      line.rate.push(calls / seconds);
      line.errorRatio.push(calls === 0 ? 0 : (cell?.byClass["5xx"] ?? 0) / calls);
      line.p50.push(cell ? histogramQuantile(cell.histogram, 0.5) : null);
      line.p95.push(cell ? histogramQuantile(cell.histogram, 0.95) : null);
      line.p99.push(cell ? histogramQuantile(cell.histogram, 0.99) : null);
    }
    return line;
  };
  const regionKeys = [...new Set(rollups.flatMap((r) => [...r.region.keys()]))].sort();
  return {
    window: opts.window,
    timestamps: starts,
    total: lineOf("all", (r) => r.all.get("all")),
    regions: regionKeys.map((key) => lineOf(key, (r) => r.region.get(key))),
  };
}
