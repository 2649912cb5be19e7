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
  type DeadLetters,
  deadLetters,
  type OutboxBacklog,
  outboxBacklog,
  parseWorkerMetrics,
  type WorkerHandlerStats,
} from "./queue-health.ts";
export { RollupBuffer } from "./rollup-buffer.ts";
export {
  cumulativeKey,
  periodSeconds,
  periodStart,
  type RollupPeriod,
  recentPeriods,
  rollupKey,
  rollupTtlSeconds,
} from "./rollup-periods.ts";
export {
  type RollupBatch,
  readCumulativeRollup,
  readRollups,
  recordEdgeCalls,
  writeRollupBatches,
} from "./rollup-store.ts";
export {
  edgeTrafficReport,
  edgeTrafficSeries,
  type TrafficReport,
  type TrafficSeries,
  type TrafficSeriesLine,
  type TrafficWindow,
} from "./traffic-report.ts";
