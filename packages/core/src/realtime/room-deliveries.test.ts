import { describe, expect, it } from "vitest";
import type { RecordedEvent } from "../events/event-log.ts";
import { roomDeliveriesFor } from "./room-deliveries.ts";

const conversationId = "7b0c58a4-8a59-4b63-9c2f-5e0c3c0a0a01";
const guest = "2d3c1b6a-8f1e-4c2a-9b7d-0e1f2a3b4c5d";
const host = "2d3c1b6a-8f1e-4c2a-9b7d-0e1f2a3b4c5e";
const event = <T extends RecordedEvent["type"]>(
  type: T,
  payload: Extract<RecordedEvent, { type: T }>["payload"],
) => ({ id: crypto.randomUUID(), type, payload }) as RecordedEvent;
const sent = (seq: number) =>
  event("message.sent", {
    messageId: crypto.randomUUID(),
    conversationId,
    seq,
    senderId: guest,
    recipientIds: [host],
    body: `hi ${seq}`,
    masked: true,
    attachments: [{ key: "m/1.jpg", contentType: "image/jpeg", width: 640, height: 480 }],
    createdAt: "2030-01-01T12:00:00.000Z",
  });

describe("roomDeliveriesFor", () => {
  it("puts a sent message into its conversation room and refreshes the recipients' unread totals", () => {
    const message = sent(1);
    const plan = roomDeliveriesFor([message]);
    expect(plan.unreadFor).toEqual([host]);
    expect(plan.conversation).toEqual([
      {
        room: `conversation:${conversationId}`,
        event: {
          type: "message",
          message: {
            id: (message.payload as { messageId: string }).messageId,
            conversationId,
            seq: 1,
            senderId: guest,
            body: "hi 1",
            masked: true,
            attachments: [{ key: "m/1.jpg", contentType: "image/jpeg", width: 640, height: 480 }],
            createdAt: "2030-01-01T12:00:00.000Z",
          },
        },
      },
    ]);
  });

  it("shows a read receipt in the room and refreshes the reader's totals, in commit order", () => {
    const plan = roomDeliveriesFor([
      sent(1),
      sent(2),
      event("conversation.read", { conversationId, userId: host, lastReadSeq: 2 }),
    ]);
    expect(plan.conversation.map((d) => d.event.type)).toEqual(["message", "message", "read"]);
    expect(plan.conversation[2]?.event).toEqual({ type: "read", userId: host, lastReadSeq: 2 });
    expect(plan.unreadFor).toEqual([host]);
  });

  it("events that touch no room deliver nothing", () => {
    expect(roomDeliveriesFor([event("system.pinged", { note: "x", requestedBy: "operator" })])).toEqual({
      conversation: [],
      user: [],
      unreadFor: [],
    });
  });

  it("puts a stored notification into its member's user room, then refreshes that member's totals", () => {
    const id = crypto.randomUUID();
    const plan = roomDeliveriesFor([
      event("notification.created", {
        userId: host,
        notification: {
          id,
          type: "booking.requested",
          category: "booking_updates",
          title: "New booking request from Grace Guest",
          body: "3 nights in May.",
          link: "/host/bookings/b1",
          createdAt: "2030-01-01T12:00:00.000Z",
        },
      }),
    ]);
    expect(plan).toEqual({
      conversation: [],
      user: [
        {
          room: `user:${host}`,
          event: {
            type: "notification",
            notification: {
              id,
              type: "booking.requested",
              title: "New booking request from Grace Guest",
              body: "3 nights in May.",
              data: { category: "booking_updates", link: "/host/bookings/b1" },
              createdAt: "2030-01-01T12:00:00.000Z",
            },
          },
        },
      ],
      unreadFor: [host],
    });
  });
});
