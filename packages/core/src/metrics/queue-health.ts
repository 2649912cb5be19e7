import type { Database } from "@hometrip/db";
import { Client } from "@upstash/qstash";
import { sql } from "drizzle-orm";

export interface OutboxBacklog {
  /** Committed events not yet handed to the broker. */
  unpublished: number;
  /** Of those, the ones a relay already tried and failed (the sweep retries them). */
  failedRelays: number;
  oldestUnpublishedAt: string | null;
}

/** One statement over the partial index of unpublished rows. */
export async function outboxBacklog(db: Database): Promise<OutboxBacklog> {
  const result = await db.execute<{ unpublished: string; failed: string; oldest: string | Date | null }>(sql`
    select count(*) as unpublished,
           count(*) filter (where attempts > 0) as failed,
           min(occurred_at) as oldest
      from outbox where published_at is null`);
  const row = result.rows[0];
  const oldest = row?.oldest ? new Date(row.oldest).toISOString() : null;
  return {
    unpublished: Number(row?.unpublished ?? 0),
    failedRelays: Number(row?.failed ?? 0),
    oldestUnpublishedAt: oldest,
  };
}

export interface DeadLetters {
  /** Messages the broker gave up on (capped at `scanLimit`; `more` says there are others). */
  count: number;
  more: boolean;
  byStatus: Record<string, number>;
  oldestAt: string | null;
  newest: { dlqId: string; url: string; responseStatus: number | null; at: string }[];
}

const scanLimit = 100;

/** QStash's dead-letter queue through its API (the local broker speaks the same). */
export async function deadLetters(opts: { qstashUrl: string; token: string }): Promise<DeadLetters> {
  const client = new Client({ baseUrl: opts.qstashUrl, token: opts.token });
  const page = await client.dlq.listMessages({ count: scanLimit });
  const byStatus: Record<string, number> = {};
  for (const m of page.messages) {
    const status = String(m.responseStatus ?? "none");
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }
  const times = page.messages.map((m) => m.createdAt).sort((a, b) => a - b);
  return {
    count: page.messages.length,
    more: Boolean(page.cursor),
    byStatus,
    oldestAt: times[0] ? new Date(times[0]).toISOString() : null,
    newest: [...page.messages]
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, 5)
      .map((m) => ({
        dlqId: m.dlqId,
        url: m.url,
        responseStatus: m.responseStatus ?? null,
        at: new Date(m.createdAt).toISOString(),
      })),
  };
}

export interface WorkerHandlerStats {
  eventType: string;
  processed: number;
  duplicate: number;
  failed: number;
  rejected: number;
  redelivered: number;
  meanMs: number | null;
}

/**
 * The workers' /metrics text (prom-client) folded into one row per event type. Only the metric
 * names the workers export are read; anything else in the text is ignored.
 */
export function parseWorkerMetrics(text: string): WorkerHandlerStats[] {
  const rows = new Map<string, WorkerHandlerStats & { sumSeconds: number; count: number }>();
  const row = (eventType: string) => {
    let r = rows.get(eventType);
    if (!r) {
      r = {
        eventType,
        processed: 0,
        duplicate: 0,
        failed: 0,
        rejected: 0,
        redelivered: 0,
        meanMs: null,
        sumSeconds: 0,
        count: 0,
      };
      rows.set(eventType, r);
    }
    return r;
  };
  for (const line of text.split("\n")) {
    const match = /^(hometrip_worker_\w+)\{([^}]*)\} ([\d.eE+-]+)$/.exec(line);
    if (!match) continue;
    const [, name, labelText, raw] = match as unknown as [string, string, string, string];
    const labels = Object.fromEntries([...labelText.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const value = Number(raw);
    const eventType = labels.event_type;
    if (!eventType || !Number.isFinite(value)) continue;
    if (name === "hometrip_worker_deliveries_total") {
      const outcome = labels.outcome as "processed" | "duplicate" | "failed" | "rejected";
      if (outcome in row(eventType)) row(eventType)[outcome] += value;
    } else if (name === "hometrip_worker_redeliveries_total") row(eventType).redelivered += value;
    else if (name === "hometrip_worker_handler_duration_seconds_sum") row(eventType).sumSeconds += value;
    else if (name === "hometrip_worker_handler_duration_seconds_count") row(eventType).count += value;
  }
  return [...rows.values()]
    .map(({ sumSeconds, count, ...r }) => ({
      ...r,
      meanMs: count > 0 ? Math.round((sumSeconds / count) * 10_000) / 10 : null,
    }))
    .sort((a, b) => a.eventType.localeCompare(b.eventType));
}
