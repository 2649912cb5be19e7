import {
  type DbOrTx,
  type NotificationDelivery,
  notificationDeliveries,
  notificationReadCursors,
} from "@hometrip/db";
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";

export const maxDeliveryAttempts = 5;

/** The oldest due pending send, locked; other sweeps skip it. Null when nothing is due. */
export async function claimNextDueDelivery(tx: DbOrTx, now: Date): Promise<NotificationDelivery | null> {
  const [row] = await tx
    .select()
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.status, "pending"), lte(notificationDeliveries.deliverAfter, now)))
    .orderBy(asc(notificationDeliveries.deliverAfter))
    .limit(1)
    .for("update", { skipLocked: true });
  return row ?? null;
}

/** Every due pending row that leaves with `first`: same member, channel and digest key. */
export async function claimDigestBatch(
  tx: DbOrTx,
  first: NotificationDelivery,
  now: Date,
): Promise<NotificationDelivery[]> {
  if (!first.digestKey) return [first];
  return tx
    .select()
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.status, "pending"),
        eq(notificationDeliveries.userId, first.userId),
        eq(notificationDeliveries.channel, first.channel),
        eq(notificationDeliveries.digestKey, first.digestKey),
        lte(notificationDeliveries.deliverAfter, now),
      ),
    )
    .orderBy(asc(notificationDeliveries.createdAt))
    .for("update", { skipLocked: true });
}

export async function markDeliveries(
  tx: DbOrTx,
  ids: string[],
  result: { status: "sent" | "skipped"; outcome: string; now: Date },
): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(notificationDeliveries)
    .set({
      status: result.status,
      outcome: result.outcome,
      sentAt: result.status === "sent" ? result.now : null,
    })
    .where(inArray(notificationDeliveries.id, ids));
}

/** A failed send is retried with backoff (1, 2, 4, 8 minutes) and given up after maxDeliveryAttempts. */
export async function deferDeliveries(tx: DbOrTx, rows: NotificationDelivery[], error: string, now: Date) {
  for (const row of rows) {
    const attempts = row.attempts + 1;
    await tx
      .update(notificationDeliveries)
      .set({
        attempts,
        lastError: error.slice(0, 500),
        status: attempts >= maxDeliveryAttempts ? "failed" : "pending",
        deliverAfter: new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)),
      })
      .where(eq(notificationDeliveries.id, row.id));
  }
}

/** Remembers the highest message read; an older or repeated read event changes nothing. */
export async function recordReadCursor(
  tx: DbOrTx,
  cursor: { userId: string; conversationId: string; lastReadSeq: number },
): Promise<void> {
  await tx
    .insert(notificationReadCursors)
    .values(cursor)
    .onConflictDoUpdate({
      target: [notificationReadCursors.userId, notificationReadCursors.conversationId],
      set: {
        lastReadSeq: sql`greatest(${notificationReadCursors.lastReadSeq}, excluded.last_read_seq)`,
        updatedAt: sql`now()`,
      },
    });
}

export async function lastReadSeq(tx: DbOrTx, userId: string, conversationId: string): Promise<number> {
  const [row] = await tx
    .select({ seq: notificationReadCursors.lastReadSeq })
    .from(notificationReadCursors)
    .where(
      and(
        eq(notificationReadCursors.userId, userId),
        eq(notificationReadCursors.conversationId, conversationId),
      ),
    );
  return row?.seq ?? 0;
}

/** Pending sends of this member that a read up to `lastReadSeq` makes pointless. */
export async function skipReadMessageDeliveries(
  tx: DbOrTx,
  cursor: { userId: string; conversationId: string; lastReadSeq: number },
): Promise<number> {
  const skipped = await tx
    .update(notificationDeliveries)
    .set({ status: "skipped", outcome: "read_live" })
    .where(
      and(
        eq(notificationDeliveries.userId, cursor.userId),
        eq(notificationDeliveries.status, "pending"),
        eq(notificationDeliveries.kind, "message"),
        sql`${notificationDeliveries.payload}->>'conversationId' = ${cursor.conversationId}`,
        sql`(${notificationDeliveries.payload}->>'seq')::int <= ${cursor.lastReadSeq}`,
        isNull(notificationDeliveries.sentAt),
      ),
    )
    .returning({ id: notificationDeliveries.id });
  return skipped.length;
}
