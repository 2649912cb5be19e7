export {
  addRollupHash,
  type EdgeCallSample,
  emptyRollup,
  emptyRollupCell,
  mergeRollups,
  type Rollup,
  type RollupCell,
  type RollupDimension,
  rollupDimensions,
  rollupIncrements,
  rollupLabel,
  type StatusClass,
  statusClasses,
  statusClassOf,
  summarizeCell,
  summarizeDimension,
  type TrafficSummary,
} from "./edge-rollup.ts";
export {
  emptyHistogram,
  histogramQuantile,
  type LatencyHistogram,
  latencyBucketBounds,
  latencyBucketCount,
  latencyBucketOf,
  latencyBucketRange,
  mergeHistograms,
} from "./latency-histogram.ts";
export {
  cumulativeKey,
  periodSeconds,
  periodStart,
  type RollupPeriod,
  recentPeriods,
  rollupKey,
  rollupTtlSeconds,
} from "./rollup-periods.ts";
export { readCumulativeRollup, readRollups, recordEdgeCalls } from "./rollup-store.ts";
export {
  edgeTrafficReport,
  edgeTrafficSeries,
  type TrafficReport,
  type TrafficSeries,
  type TrafficSeriesLine,
  type TrafficWindow,
} from "./traffic-report.ts";
