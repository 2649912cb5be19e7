import { zConversationRoomEvent, zUserRoomEvent } from "@hometrip/contracts";
import { describe, expect, it } from "vitest";
import { parseRoomFrame } from "./room-frame.ts";

describe("a frame from a room", () => {
  it("is the room's event when it is one", () => {
    const frame = JSON.stringify({ type: "unread", conversations: 1, notifications: 4 });
    expect(parseRoomFrame(zUserRoomEvent, frame)).toEqual({
      type: "unread",
      conversations: 1,
      notifications: 4,
    });
  });

  it("is dropped when it belongs to the other kind of room", () => {
    const frame = JSON.stringify({ type: "unread", conversations: 1, notifications: 4 });
    expect(parseRoomFrame(zConversationRoomEvent, frame)).toBeNull();
  });

  it("is dropped when it is not JSON, not text, or malformed", () => {
    expect(parseRoomFrame(zUserRoomEvent, "{not json")).toBeNull();
    expect(parseRoomFrame(zUserRoomEvent, new ArrayBuffer(4))).toBeNull();
    expect(parseRoomFrame(zUserRoomEvent, JSON.stringify({ type: "unread", notifications: -1 }))).toBeNull();
  });
});
