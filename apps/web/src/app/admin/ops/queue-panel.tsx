"use client";
import type { RouterOutputs } from "@hometrip/api";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert.tsx";
import { Card } from "@/components/ui/card.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

type Queues = RouterOutputs["ops"]["queues"];

const ageOf = (iso: string | null) => {
  if (!iso) return "none";
  const seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  return seconds < 120
    ? `${seconds} s`
    : seconds < 7200
      ? `${Math.round(seconds / 60)} min`
      : `${Math.round(seconds / 3600)} h`;
};

function Unavailable({ part }: { part: Exclude<Queues[keyof Queues], { status: "ok" }> }) {
  return (
    <p className="muted">
      {part.status === "not_configured" ? "Not configured (WORKERS_METRICS_URL)." : part.reason}
    </p>
  );
}

/** The event pipeline: outbox → QStash → workers, with what got stuck on the way. */
export function QueuePanel({ refreshMs }: { refreshMs: number }) {
  const trpc = useTRPC();
  const queues = useQuery({ ...trpc.ops.queues.queryOptions(), refetchInterval: refreshMs });
  if (queues.isError) return <Alert tone="error">{errorMessage(queues.error)}</Alert>;
  if (!queues.data) return null;
  const { outbox, deadLetters, workers } = queues.data;
  return (
    <Card
      title="Events and workers"
      description="Outbox backlog in Postgres, QStash dead letters, and what the workers did with each delivery."
    >
      <div className="ops-queue">
        <div className="ops-kpi">
          <span className="ops-kpi__label">Outbox backlog</span>
          {outbox.status === "ok" ? (
            <>
              <span className="ops-kpi__value">{outbox.data.unpublished}</span>
              <span className="muted">
                oldest {ageOf(outbox.data.oldestUnpublishedAt)}, {outbox.data.failedRelays} failed relays
              </span>
            </>
          ) : (
            <Unavailable part={outbox} />
          )}
        </div>
        <div
          className={`ops-kpi${deadLetters.status === "ok" && deadLetters.data.count > 0 ? " ops-kpi--bad" : ""}`}
        >
          <span className="ops-kpi__label">Dead letters</span>
          {deadLetters.status === "ok" ? (
            <>
              <span className="ops-kpi__value">
                {deadLetters.data.count}
                {deadLetters.data.more ? "+" : ""}
              </span>
              <span className="muted">oldest {ageOf(deadLetters.data.oldestAt)}</span>
            </>
          ) : (
            <Unavailable part={deadLetters} />
          )}
        </div>
      </div>
      {workers.status === "ok" ? (
        workers.data.length === 0 ? (
          <p className="muted">No deliveries since the workers started.</p>
        ) : (
          <div className="ops-table-wrap">
            <table className="ops-table">
              <caption>Worker handlers since start</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Processed</th>
                  <th scope="col">Duplicates</th>
                  <th scope="col">Failed</th>
                  <th scope="col">Rejected</th>
                  <th scope="col">Retried</th>
                  <th scope="col">Mean</th>
                </tr>
              </thead>
              <tbody>
                {workers.data.map((w) => (
                  <tr key={w.eventType}>
                    <th scope="row">{w.eventType}</th>
                    <td>{w.processed}</td>
                    <td>{w.duplicate}</td>
                    <td className={w.failed > 0 ? "ops-bad" : undefined}>{w.failed}</td>
                    <td>{w.rejected}</td>
                    <td>{w.redelivered}</td>
                    <td>{w.meanMs === null ? "–" : `${w.meanMs} ms`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : (
        <Unavailable part={workers} />
      )}
    </Card>
  );
}
