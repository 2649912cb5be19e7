import type { NotificationCategory, NotificationItem } from "@hometrip/contracts";
import { type DbOrTx, notifications } from "@hometrip/db";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";

/**
 * Newest first. The cursor is the last item's id: the next page holds what sorts after that row
 * (created_at, id), compared in the database at full precision, so equal timestamps neither repeat
 * nor skip. A cursor naming no row of the member's gives an empty page.
 */
export async function listNotifications(
  db: DbOrTx,
  userId: string,
  opts: { limit: number; cursor?: string | null; unreadOnly?: boolean },
): Promise<{ items: NotificationItem[]; nextCursor: string | null }> {
  const before = opts.cursor
    ? sql`(${notifications.createdAt}, ${notifications.id}) < (select n.created_at, n.id from notifications n where n.id = ${opts.cursor} and n.user_id = ${userId})`
    : undefined;
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        opts.unreadOnly ? isNull(notifications.readAt) : undefined,
        before,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      type: row.type,
      category: row.category as NotificationCategory,
      title: row.title,
      body: row.body,
      link: typeof row.data.link === "string" ? row.data.link : null,
      readAt: row.readAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > opts.limit && last ? last.id : null,
  };
}

export async function unreadNotificationCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one notification (or all when `id` is absent) read; another member's id matches nothing. */
export async function markNotificationsRead(
  db: DbOrTx,
  userId: string,
  opts: { id?: string; now: Date },
): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: opts.now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        opts.id ? eq(notifications.id, opts.id) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return updated.length;
}
