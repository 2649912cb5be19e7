import type { NotificationItem } from "@hometrip/contracts";

/**
 * How a stored notification reaches the member's open tabs at once: through their user room.
 * The Bun workers use the realtime Worker's internal delivery; tests use a recording one. A live
 * push is a courtesy on top of the stored row (a tab that misses it refetches on reconnect), so a
 * failure is logged, never retried.
 */
export interface NotificationLiveDelivery {
  toUser(
    userId: string,
    message: {
      type: "notification.created";
      notification: NotificationItem;
      /** Unread in-app notifications, this one included. */
      unreadCount: number;
      /** Conversations with unread messages, so the room's `unread` event carries both totals. */
      unreadConversations: number;
    },
  ): Promise<void>;
}
