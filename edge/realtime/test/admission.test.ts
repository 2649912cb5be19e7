import { roomCloseCodes } from "@hometrip/contracts";
import { describe, expect, it } from "vitest";
import { connect, conversationRoom, newId, tokenFor, userRoom } from "./support.ts";

describe("joining a room", () => {
  it("refuses a socket without a token", async () => {
    const client = await connect(conversationRoom(newId()));
    expect(await client.closed).toEqual({
      code: roomCloseCodes.unauthenticated,
      reason: "room token required",
    });
    expect(client.events).toEqual([]);
  });

  it("refuses a token signed with another secret, and one whose claims were edited", async () => {
    const room = conversationRoom(newId());
    const { signRoomToken } = await import("@hometrip/core/realtime/room-token");
    const forged = (await signRoomToken("an-attacker-secret-0123456789abcdef", { userId: newId(), room }))
      .token;
    expect(await (await connect(room, forged)).closed).toEqual({
      code: roomCloseCodes.unauthenticated,
      reason: "room token invalid",
    });
    // A real token for room A with its payload swapped for room B keeps A's signature: refused.
    const other = conversationRoom(newId());
    const real = await tokenFor(newId(), other);
    const [, signature] = real.split(".");
    const payload = btoa(JSON.stringify({ sub: newId(), room, exp: Math.floor(Date.now() / 1000) + 300 }))
      .replaceAll("+", "-")
      .replaceAll("/", "_")
      .replace(/=+$/, "");
    expect((await (await connect(room, `${payload}.${signature}`)).closed).code).toBe(
      roomCloseCodes.unauthenticated,
    );
    expect((await (await connect(room, "not-a-token")).closed).reason).toBe("room token malformed");
  });

  it("refuses an expired token", async () => {
    const room = conversationRoom(newId());
    const expired = await tokenFor(newId(), room, { now: new Date(Date.now() - 10 * 60_000) });
    expect(await (await connect(room, expired)).closed).toEqual({
      code: roomCloseCodes.unauthenticated,
      reason: "room token expired",
    });
  });

  it("refuses a token for another room, also across kinds", async () => {
    const userId = newId();
    const room = conversationRoom(newId());
    const otherConversation = await tokenFor(userId, conversationRoom(newId()));
    expect(await (await connect(room, otherConversation)).closed).toEqual({
      code: roomCloseCodes.forbidden,
      reason: "room token is for another room",
    });
    // The user's own user-room token does not open a conversation with the same id, nor the reverse.
    const ownUserRoom = await tokenFor(userId, userRoom(userId));
    expect((await (await connect(conversationRoom(userId), ownUserRoom)).closed).code).toBe(
      roomCloseCodes.forbidden,
    );
    const anotherUsersRoom = await tokenFor(userId, userRoom(newId()));
    expect((await (await connect(userRoom(userId), anotherUsersRoom)).closed).code).toBe(
      roomCloseCodes.forbidden,
    );
  });

  it("admits a valid token and shows the member in presence", async () => {
    const userId = newId();
    const room = conversationRoom(newId());
    const client = await connect(room, await tokenFor(userId, room));
    expect(await client.next("presence")).toEqual({ type: "presence", online: [userId] });
    client.ws.close(1000, "done");
  });

  it("answers 404 for a room that is not named by a uuid, and for plain HTTP to a room", async () => {
    const { SELF } = await import("cloudflare:test");
    const bad = await SELF.fetch("http://rooms.test/parties/conversation-room/lobby", {
      headers: { Upgrade: "websocket" },
    });
    expect(bad.status).toBe(404);
    const http = await SELF.fetch(`http://rooms.test/parties/conversation-room/${newId()}`);
    expect(http.status).toBe(404);
    expect((await SELF.fetch("http://rooms.test/health")).status).toBe(200);
  });

  it("is refused by the room itself too, when a request reaches it without the Worker's check", async () => {
    const { env } = await import("cloudflare:test");
    const id = newId();
    const response = await env.ConversationRoom.getByName(id).fetch(
      `http://rooms.test/parties/conversation-room/${id}?token=${await tokenFor(newId(), conversationRoom(newId()))}`,
      { headers: { Upgrade: "websocket" } },
    );
    const ws = response.webSocket;
    if (!ws) throw new Error(`no WebSocket: HTTP ${response.status}`);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.addEventListener("close", (event) => resolve({ code: event.code, reason: event.reason })),
    );
    ws.accept();
    expect(await closed).toEqual({
      code: roomCloseCodes.forbidden,
      reason: "room token is for another room",
    });
  });
});
