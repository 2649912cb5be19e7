/**
 * The Analytics Engine data point of one edge call, named in this one place: the SQL API sees only
 * `blob1…`, `double1…`, so queries and dashboards read the positions from `dataPointBlobs` /
 * `dataPointDoubles` (README "Operations" has the query). The index (sampling key) is the procedure.
 */
export const dataPointBlobs = [
  "procedure",
  "statusClass",
  "colo",
  "country",
  "continent",
  "region",
  "method",
] as const;
export const dataPointDoubles = ["latencyMs", "status", "batchSize"] as const;

export type EdgeDataPoint = Record<(typeof dataPointBlobs)[number], string> &
  Record<(typeof dataPointDoubles)[number], number>;

/** Where data points go: the binding in production, nowhere locally, a list in tests. */
export interface DataPointSink {
  write(point: EdgeDataPoint): void;
}

export function toAnalyticsEngine(point: EdgeDataPoint): AnalyticsEngineDataPoint {
  return {
    indexes: [point.procedure.slice(0, 96)],
    blobs: dataPointBlobs.map((name) => point[name]),
    doubles: dataPointDoubles.map((name) => point[name]),
  };
}

/** The `EDGE_METRICS` binding when the Worker has one (wrangler.toml); a no-op otherwise. */
export function analyticsEngineSink(dataset: AnalyticsEngineDataset | undefined): DataPointSink {
  if (!dataset) return { write: () => {} };
  return { write: (point) => dataset.writeDataPoint(toAnalyticsEngine(point)) };
}

/** Keeps every point, for tests. */
export function recordingSink(): DataPointSink & { points: EdgeDataPoint[] } {
  const points: EdgeDataPoint[] = [];
  return { points, write: (point) => points.push(point) };
}
