import {
  type ConversationRoomAddress,
  conversationRoom,
  type EventPayload,
  type EventType,
  type TConversationDelivery,
} from "@hometrip/contracts";
import type { RecordedEvent } from "../events/event-log.ts";

/**
 * What a committed event puts into rooms: events for a conversation room, and users whose unread
 * totals changed (the post-commit step counts them and sends `unread` to their user rooms).
 */
export type RoomDeliveryPlan = {
  conversation: { room: ConversationRoomAddress; event: TConversationDelivery }[];
  unreadFor: string[];
};

const none: RoomDeliveryPlan = { conversation: [], unreadFor: [] };

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
  // A booking's news reaches people as notifications (workers), which have their own live path.
  "booking.transitioned": () => none,
  "payment.stripe_event_received": () => none,
  "payment.payout_released": () => none,
  "message.sent": (p) => ({
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
    conversation: [
      {
        room: conversationRoom(p.conversationId),
        event: { type: "read", userId: p.userId, lastReadSeq: p.lastReadSeq },
      },
    ],
    // The reader's own totals dropped; every tab of theirs shows it.
    unreadFor: [p.userId],
  }),
};

/** The deliveries a unit of work's committed events call for, in commit order. */
export function roomDeliveriesFor(events: RecordedEvent[]): RoomDeliveryPlan {
  const conversation: RoomDeliveryPlan["conversation"] = [];
  const unreadFor = new Set<string>();
  for (const event of events) {
    const of = roomDeliveriesByType[event.type] as (payload: unknown) => RoomDeliveryPlan;
    const plan = of(event.payload);
    conversation.push(...plan.conversation);
    for (const userId of plan.unreadFor) unreadFor.add(userId);
  }
  return { conversation, unreadFor: [...unreadFor] };
}
