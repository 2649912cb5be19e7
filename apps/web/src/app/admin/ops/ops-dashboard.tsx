"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Card } from "@/components/ui/card.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { QueuePanel } from "./queue-panel.tsx";
import { type ChartLine, TrafficChart } from "./traffic-chart.tsx";
import { healthOf, TrafficTable } from "./traffic-table.tsx";

const refreshMs = 15_000;

export function OpsDashboard() {
  const trpc = useTRPC();
  const [window, setWindow] = useState<"hour" | "day">("hour");
  const poll = { refetchInterval: refreshMs, refetchIntervalInBackground: false } as const;
  const traffic = useQuery({ ...trpc.ops.traffic.queryOptions({ window }), ...poll });
  const series = useQuery({ ...trpc.ops.trafficSeries.queryOptions({ window }), ...poll });

  const charts = useMemo(() => {
    if (!series.data) return null;
    const { regions, total, timestamps } = series.data;
    const perRegion = (pick: (r: (typeof regions)[number]) => (number | null)[], scale = 1): ChartLine[] =>
      regions.map((r) => ({ label: r.key, values: pick(r).map((v) => (v === null ? null : v * scale)) }));
    return {
      timestamps,
      rate: [{ label: "all", values: total.rate }, ...perRegion((r) => r.rate)],
      errors: perRegion((r) => r.errorRatio, 100),
      p95: perRegion((r) => r.p95),
      percentiles: [
        { label: "p50", values: total.p50 },
        { label: "p95", values: total.p95 },
        { label: "p99", values: total.p99 },
      ],
    };
  }, [series.data]);

  const report = traffic.data;
  return (
    <div className="stack">
      <fieldset className="ops-toolbar" aria-label="Time window">
        {(["hour", "day"] as const).map((w) => (
          <button
            key={w}
            type="button"
            className={`ops-toggle${w === window ? " ops-toggle--on" : ""}`}
            aria-pressed={w === window}
            onClick={() => setWindow(w)}
          >
            Last {w}
          </button>
        ))}
        <span className="muted ops-updated">
          {traffic.isFetching
            ? "Refreshing…"
            : report
              ? `Updated ${new Date(report.to).toLocaleTimeString()}`
              : ""}
        </span>
      </fieldset>
      {(traffic.isError || series.isError) && (
        <Alert tone="error">{errorMessage(traffic.error ?? series.error)}</Alert>
      )}
      {traffic.isPending && <LoadingBlock label="Loading edge traffic…" />}

      {report && (
        <div className="ops-kpis">
          <Kpi label="Calls" value={String(report.total.calls)} />
          <Kpi label="Per second" value={report.total.rate.toFixed(2)} />
          <Kpi
            label="5xx"
            value={`${(report.total.errorRatio * 100).toFixed(2)} %`}
            tone={report.total.errorRatio > 0 ? "bad" : "ok"}
          />
          <Kpi label="4xx" value={`${(report.total.clientErrorRatio * 100).toFixed(1)} %`} />
          <Kpi
            label="p50 / p95 / p99"
            value={`${[report.total.p50, report.total.p95, report.total.p99].map((v) => v ?? "–").join(" / ")} ms`}
          />
        </div>
      )}

      {charts && (
        <div className="ops-grid">
          <TrafficChart
            title="Calls per second, by region"
            unit="/s"
            timestamps={charts.timestamps}
            lines={charts.rate}
          />
          <TrafficChart
            title="5xx share, by region"
            unit="%"
            timestamps={charts.timestamps}
            lines={charts.errors}
          />
          <TrafficChart
            title="p95 latency, by region"
            unit="ms"
            timestamps={charts.timestamps}
            lines={charts.p95}
          />
          <TrafficChart
            title="Latency percentiles, all regions"
            unit="ms"
            timestamps={charts.timestamps}
            lines={charts.percentiles}
          />
        </div>
      )}

      {report && (
        <>
          <Card title="Regions" description="Where calls land, by Cloudflare continent.">
            <TrafficTable
              caption="Calls by region"
              keyLabel="Region"
              rows={report.regions}
              empty="No calls in this window."
            />
            {report.regionsWithErrors.length > 0 && (
              <Alert tone="error">
                5xx answers in{" "}
                {report.regionsWithErrors
                  .map((r) => `${r.key} (${(r.errorRatio * 100).toFixed(1)} %)`)
                  .join(", ")}
              </Alert>
            )}
          </Card>
          <Card title="Colos" description="Each Cloudflare data centre that served calls, with its health.">
            <ul className="ops-colos" aria-label="Colos">
              {report.colos.map((colo) => (
                <li key={colo.key} className={`ops-colo ops-colo--${healthOf(colo)}`}>
                  <strong>{colo.key}</strong>
                  <span>{colo.calls} calls</span>
                  <span>p95 {colo.p95 ?? "–"} ms</span>
                  <span>{(colo.errorRatio * 100).toFixed(1)} % 5xx</span>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Procedures" description="Each tRPC procedure (each call of a batch) and HTTP route.">
            <TrafficTable
              caption="Calls by procedure"
              keyLabel="Procedure"
              rows={report.procedures}
              empty="No calls in this window."
            />
          </Card>
          <Card title="Slowest procedures" description="By p95, among procedures with at least 5 calls.">
            <TrafficTable
              caption="Slowest procedures"
              keyLabel="Procedure"
              rows={report.slowest}
              empty="Not enough calls yet."
            />
          </Card>
        </>
      )}
      <QueuePanel refreshMs={refreshMs} />
    </div>
  );
}

function Kpi(props: { label: string; value: string; tone?: "ok" | "bad" }) {
  return (
    <div className={`ops-kpi${props.tone === "bad" ? " ops-kpi--bad" : ""}`}>
      <span className="ops-kpi__label">{props.label}</span>
      <span className="ops-kpi__value">{props.value}</span>
    </div>
  );
}
