import { describe, expect, it } from "vitest";
import {
  conversationRoom,
  parseRoomAddress,
  userRoom,
  zClientFrame,
  zRoomAddress,
  zRoomDeliveryRequest,
} from "./realtime.ts";

const id = "7b0c58a4-8a59-4b63-9c2f-5e0c3c0a0a01";

describe("realtime contract", () => {
  it("names rooms conversation:<uuid> and user:<uuid> only", () => {
    expect(conversationRoom(id.toUpperCase())).toBe(`conversation:${id}`);
    expect(parseRoomAddress(userRoom(id))).toEqual({ kind: "user", id });
    expect(parseRoomAddress(`listing:${id}`)).toBeNull();
    expect(zRoomAddress.safeParse(`conversation:${id}/../x`).success).toBe(false);
  });

  it("takes heartbeat and typing frames from clients, nothing else", () => {
    expect(zClientFrame.parse({ type: "typing", typing: true })).toEqual({ type: "typing", typing: true });
    expect(zClientFrame.safeParse({ type: "typing", typing: "yes" }).success).toBe(false);
    expect(zClientFrame.safeParse({ type: "message", body: "spoofed" }).success).toBe(false);
  });

  it("delivers only a room kind's own events", () => {
    const unread = { type: "unread", conversations: 1, notifications: 2 };
    const read = { type: "read", userId: id, lastReadSeq: 3 };
    expect(zRoomDeliveryRequest.safeParse({ room: userRoom(id), event: unread }).success).toBe(true);
    expect(zRoomDeliveryRequest.safeParse({ room: conversationRoom(id), event: read }).success).toBe(true);
    expect(zRoomDeliveryRequest.safeParse({ room: userRoom(id), event: read }).success).toBe(false);
    expect(zRoomDeliveryRequest.safeParse({ room: conversationRoom(id), event: unread }).success).toBe(false);
    const presence = { type: "presence", online: [id] };
    expect(zRoomDeliveryRequest.safeParse({ room: conversationRoom(id), event: presence }).success).toBe(
      false,
    );
  });
});
