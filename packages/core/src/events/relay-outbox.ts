import type { EventEnvelope } from "@hometrip/contracts";
import { type Database, outbox } from "@hometrip/db";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { describeError, type Logger, silentLogger } from "../logger.ts";
import { type EventPublisher, maxPublishBatch } from "./publisher.ts";

export interface RelayOutboxOptions {
  /** Only these outbox rows (the right-after-commit path); otherwise the oldest unpublished. */
  ids?: string[];
  limit?: number;
  /** A publish slower than this counts as failed (the row stays claimed while it waits). */
  publishTimeoutMs?: number;
  log?: Logger;
}

export interface RelayOutboxResult {
  published: number;
  failed: number;
}

type OutboxRow = typeof outbox.$inferSelect;

async function within(work: Promise<void>, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`publish timed out after ${ms} ms`)), ms);
  });
  try {
    // If the broker accepts it after all, the next run publishes it again and dedup drops it.
    await Promise.race([work, timeout]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

function toEnvelope(row: OutboxRow): EventEnvelope {
  return {
    id: row.id,
    type: row.eventType,
    version: row.eventVersion,
    occurredAt: new Date(row.occurredAt).toISOString(),
    payload: row.payload,
    ...(row.traceparent ? { traceparent: row.traceparent } : {}),
  };
}

/**
 * Publishes unpublished outbox rows, oldest first. Rows are claimed with FOR UPDATE SKIP LOCKED
 * and stay locked until they are marked, so two relays (the after-commit one and the sweep, or
 * two sweeps) never publish the same row in the normal case; if a relay dies after publishing
 * but before committing, the row is published again and the broker's deduplication id drops it.
 * A failed publish leaves the row unpublished with `attempts` and `last_error` for the next sweep.
 */
export async function relayOutbox(
  db: Database,
  publisher: EventPublisher,
  options: RelayOutboxOptions = {},
): Promise<RelayOutboxResult> {
  const { ids, limit = 100, publishTimeoutMs = 10_000, log = silentLogger } = options;
  if (ids !== undefined && ids.length === 0) return { published: 0, failed: 0 };

  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outbox)
      .where(and(isNull(outbox.publishedAt), ids ? inArray(outbox.id, ids) : undefined))
      .orderBy(asc(outbox.occurredAt), asc(outbox.id))
      .limit(limit)
      .for("update", { skipLocked: true });

    const result: RelayOutboxResult = { published: 0, failed: 0 };
    // Several rows: one batch request per 100 and one UPDATE marking them, instead of a round trip
    // and an UPDATE per row. A batch the broker refuses falls through to the row-by-row path below,
    // which records each failing row's error (rows it had accepted are deduplicated by id).
    let pending = rows;
    if (publisher.publishBatch && rows.length > 1) {
      const publishBatch = publisher.publishBatch.bind(publisher);
      pending = [];
      for (let at = 0; at < rows.length; at += maxPublishBatch) {
        const chunk = rows.slice(at, at + maxPublishBatch);
        try {
          await within(publishBatch(chunk.map(toEnvelope)), publishTimeoutMs);
        } catch (error) {
          log.warn("outbox batch publish failed; publishing one by one", { error: describeError(error) });
          pending.push(...chunk);
          continue;
        }
        result.published += chunk.length;
        await tx
          .update(outbox)
          .set({
            publishedAt: sql`clock_timestamp()`,
            attempts: sql`${outbox.attempts} + 1`,
            lastError: null,
          })
          .where(
            inArray(
              outbox.id,
              chunk.map((row) => row.id),
            ),
          );
      }
    }
    for (const row of pending) {
      try {
        await within(publisher.publish(toEnvelope(row)), publishTimeoutMs);
      } catch (error) {
        result.failed += 1;
        const lastError = describeError(error).slice(0, 2000);
        await tx
          .update(outbox)
          .set({ attempts: sql`${outbox.attempts} + 1`, lastError })
          .where(eq(outbox.id, row.id));
        log.warn("outbox publish failed", { eventId: row.id, eventType: row.eventType, error: lastError });
        continue;
      }
      result.published += 1;
      // clock_timestamp(): now() would be the transaction start, before the publish happened.
      await tx
        .update(outbox)
        .set({ publishedAt: sql`clock_timestamp()`, attempts: sql`${outbox.attempts} + 1`, lastError: null })
        .where(eq(outbox.id, row.id));
    }
    return result;
  });
}
