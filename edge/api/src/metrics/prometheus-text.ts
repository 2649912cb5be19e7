import {
  latencyBucketBounds,
  type Rollup,
  type RollupCell,
  type RollupDimension,
  statusClasses,
} from "@hometrip/core";

/**
 * The cumulative edge rollup in Prometheus' text format 0.0.4. Counters only grow (the totals hash
 * never expires), so `rate()` over scrapes works whichever isolate served the calls.
 */
export function edgeMetricsText(totals: Rollup): string {
  const lines: string[] = [];
  const counter = (name: string, help: string, dimension: RollupDimension, label: string) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
    for (const [value, cell] of sorted(totals[dimension])) {
      for (const statusClass of statusClasses) {
        if (cell.byClass[statusClass] === 0) continue;
        lines.push(
          `${name}{${label}="${labelValue(value)}",status_class="${statusClass}"} ${cell.byClass[statusClass]}`,
        );
      }
    }
  };
  const histogram = (name: string, help: string, dimension: RollupDimension, label: string) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
    for (const [value, cell] of sorted(totals[dimension])) {
      const labels = `${label}="${labelValue(value)}"`;
      let cumulative = 0;
      latencyBucketBounds.forEach((bound, i) => {
        cumulative += cell.histogram[i] ?? 0;
        lines.push(`${name}_bucket{${labels},le="${bound / 1000}"} ${cumulative}`);
      });
      lines.push(`${name}_bucket{${labels},le="+Inf"} ${cell.calls}`);
      lines.push(`${name}_sum{${labels}} ${cell.latencySumMs / 1000}`);
      lines.push(`${name}_count{${labels}} ${cell.calls}`);
    }
  };
  counter(
    "hometrip_edge_calls_total",
    "Edge calls (each tRPC call of a batch, or an HTTP request) by procedure.",
    "procedure",
    "procedure",
  );
  counter(
    "hometrip_edge_region_calls_total",
    "Edge calls by region (Cloudflare continent).",
    "region",
    "region",
  );
  counter("hometrip_edge_colo_calls_total", "Edge calls by Cloudflare colo.", "colo", "colo");
  histogram(
    "hometrip_edge_call_duration_seconds",
    "Edge call latency by procedure.",
    "procedure",
    "procedure",
  );
  histogram("hometrip_edge_region_call_duration_seconds", "Edge call latency by region.", "region", "region");
  return `${lines.join("\n")}\n`;
}

const sorted = (cells: Map<string, RollupCell>) => [...cells].sort(([a], [b]) => a.localeCompare(b));

const labelValue = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
