import { describeError, type Logger, type NotifyResult, unreadCounts } from "@hometrip/core";
import type { Tx } from "@hometrip/db";
import type { NotificationDeps } from "./deps.ts";

/**
 * Pushes a stored notification to the member's user room with the new unread count. Called last
 * in the handler; a room that cannot be reached only costs the live update (the row is stored and
 * the bell refetches), so it is logged and not thrown, which would roll the notification back.
 */
export async function deliverLive(
  tx: Tx,
  deps: NotificationDeps,
  userId: string,
  result: NotifyResult,
  log: Logger,
): Promise<void> {
  if (!result.notification) return;
  try {
    const unread = (await unreadCounts(tx, [userId])).get(userId);
    await deps.live.toUser(userId, {
      type: "notification.created",
      notification: result.notification,
      unreadCount: unread?.notifications ?? 0,
      unreadConversations: unread?.conversations ?? 0,
    });
  } catch (error) {
    log.warn("live notification not delivered", { userId, error: describeError(error) });
  }
}
