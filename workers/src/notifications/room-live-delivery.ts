import { type TRoomNotification, userRoom } from "@hometrip/contracts";
import type { NotificationLiveDelivery, RoomDelivery } from "@hometrip/core";

type LiveMessage = Parameters<NotificationLiveDelivery["toUser"]>[1];

/**
 * A stored notification as the user room carries it: the bell needs the text and where it leads;
 * `data` holds the rest of the inbox item (category, link) so a tab can show it without a refetch.
 */
export function roomNotificationOf(message: LiveMessage): TRoomNotification {
  const { id, type, title, body, category, link, createdAt } = message.notification;
  return { id, type, title, body, data: { category, link }, createdAt };
}

/**
 * Pushes a notification into the member's user room (`user:<id>`): the item itself, then the new
 * unread totals. Sent in that order so a tab that only counts can ignore the first; both are best
 * effort, and a failed first send is not followed by the second (the caller logs the failure and
 * the bell's poll catches up).
 */
export function roomLiveDelivery(rooms: RoomDelivery): NotificationLiveDelivery {
  return {
    async toUser(userId, message) {
      const room = userRoom(userId);
      await rooms.deliver(room, { type: "notification", notification: roomNotificationOf(message) });
      await rooms.deliver(room, {
        type: "unread",
        conversations: message.unreadConversations,
        notifications: message.unreadCount,
      });
    },
  };
}
