import {
  type ConversationRoomAddress,
  conversationRoom,
  type EventPayload,
  type EventType,
  type TConversationDelivery,
  type TRoomNotification,
  type TUserDelivery,
  type UserRoomAddress,
  userRoom,
} from "@hometrip/contracts";
import type { RecordedEvent } from "../events/event-log.ts";

/**
 * What a committed event puts into rooms: events for a conversation room, items for a user room,
 * and users whose unread totals changed (the post-commit step counts them and sends `unread` to
 * their user rooms, after the items).
 */
export type RoomDeliveryPlan = {
  conversation: { room: ConversationRoomAddress; event: TConversationDelivery }[];
  user: { room: UserRoomAddress; event: TUserDelivery }[];
  unreadFor: string[];
};

const none: RoomDeliveryPlan = { conversation: [], user: [], unreadFor: [] };

/**
 * A stored notification as the user room carries it: the bell needs the text and where it leads;
 * `data` holds the rest of the inbox item (category, link) so a tab can show it without a refetch.
 */
export function roomNotificationOf(
  item: EventPayload<"notification.created">["notification"],
): TRoomNotification {
  const { id, type, title, body, category, link, createdAt } = item;
  return { id, type, title, body, data: { category, link }, createdAt };
}

/**
 * Each event type's live deliveries, in one place like invalidations.ts: typed over the whole
 * catalog, so a new event type does not compile until someone decides what rooms it reaches.
 */
const roomDeliveriesByType: {
  [T in EventType]: (payload: EventPayload<T>) => RoomDeliveryPlan;
} = {
  "system.pinged": () => none,
  "auth.email_verification_requested": () => none,
  "auth.password_reset_requested": () => none,
  "auth.password_changed": () => none,
  "auth.phone_verification_requested": () => none,
  "listing.changed": () => none,
  // A booking's news reaches people as notifications (workers): notification.created below.
  "booking.transitioned": () => none,
  "payment.stripe_event_received": () => none,
  "payment.payout_released": () => none,
  "message.sent": (p) => ({
    user: [],
    conversation: [
      {
        room: conversationRoom(p.conversationId),
        event: {
          type: "message",
          message: {
            id: p.messageId,
            conversationId: p.conversationId,
            seq: p.seq,
            senderId: p.senderId,
            body: p.body,
            masked: p.masked,
            attachments: p.attachments,
            createdAt: p.createdAt,
          },
        },
      },
    ],
    unreadFor: p.recipientIds,
  }),
  "conversation.read": (p) => ({
    user: [],
    conversation: [
      {
        room: conversationRoom(p.conversationId),
        event: { type: "read", userId: p.userId, lastReadSeq: p.lastReadSeq },
      },
    ],
    // The reader's own totals dropped; every tab of theirs shows it.
    unreadFor: [p.userId],
  }),
  // The item first, then the member's totals with it counted: a tab that only counts ignores the
  // item. The client dedupes by id, so a push repeated by a retried unit of work is harmless.
  "notification.created": (p) => ({
    conversation: [],
    user: [
      {
        room: userRoom(p.userId),
        event: { type: "notification", notification: roomNotificationOf(p.notification) },
      },
    ],
    unreadFor: [p.userId],
  }),
};

/** The deliveries a unit of work's committed events call for, in commit order. */
export function roomDeliveriesFor(events: RecordedEvent[]): RoomDeliveryPlan {
  const conversation: RoomDeliveryPlan["conversation"] = [];
  const user: RoomDeliveryPlan["user"] = [];
  const unreadFor = new Set<string>();
  for (const event of events) {
    const of = roomDeliveriesByType[event.type] as (payload: unknown) => RoomDeliveryPlan;
    const plan = of(event.payload);
    conversation.push(...plan.conversation);
    user.push(...plan.user);
    for (const userId of plan.unreadFor) unreadFor.add(userId);
  }
  return { conversation, user, unreadFor: [...unreadFor] };
}
