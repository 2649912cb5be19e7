import { conversationParticipants, type DbOrTx, messages, notifications } from "@hometrip/db";
import { and, count, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";

export type UnreadCounts = { conversations: number; notifications: number };

/**
 * Per user: conversations holding a message from someone else after the user's read mark, and
 * in-app notifications not yet read. Two grouped statements for any number of users.
 */
export async function unreadCounts(
  db: DbOrTx,
  userIds: readonly string[],
): Promise<Map<string, UnreadCounts>> {
  const result = new Map<string, UnreadCounts>(
    userIds.map((id) => [id, { conversations: 0, notifications: 0 }]),
  );
  if (userIds.length === 0) return result;
  const ids = [...new Set(userIds)];
  const unreadMessage = db
    .select({ one: sql`1` })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationParticipants.conversationId),
        ne(messages.senderId, conversationParticipants.userId),
        isNull(messages.deletedAt),
        or(
          isNull(conversationParticipants.lastReadAt),
          gt(messages.createdAt, conversationParticipants.lastReadAt),
        ),
      ),
    );
  const [conversationRows, notificationRows] = await Promise.all([
    db
      .select({ userId: conversationParticipants.userId, n: count() })
      .from(conversationParticipants)
      .where(and(inArray(conversationParticipants.userId, ids), sql`exists (${unreadMessage})`))
      .groupBy(conversationParticipants.userId),
    db
      .select({ userId: notifications.userId, n: count() })
      .from(notifications)
      .where(and(inArray(notifications.userId, ids), isNull(notifications.readAt)))
      .groupBy(notifications.userId),
  ]);
  for (const row of conversationRows)
    result.set(row.userId, { ...(result.get(row.userId) ?? zero()), conversations: row.n });
  for (const row of notificationRows)
    result.set(row.userId, { ...(result.get(row.userId) ?? zero()), notifications: row.n });
  return result;
}

const zero = (): UnreadCounts => ({ conversations: 0, notifications: 0 });
