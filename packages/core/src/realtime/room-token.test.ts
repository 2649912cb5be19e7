import { conversationRoom, userRoom } from "@hometrip/contracts";
import { describe, expect, it } from "vitest";
import { signRoomToken, verifyRoomToken } from "./room-token.ts";

const secret = "a-room-token-secret-of-32-characters";
const userId = "2d3c1b6a-8f1e-4c2a-9b7d-0e1f2a3b4c5d";
const room = conversationRoom("7b0c58a4-8a59-4b63-9c2f-5e0c3c0a0a01");

describe("room tokens", () => {
  it("verifies a token for its room until it expires", async () => {
    const now = new Date("2030-01-01T12:00:00Z");
    const { token, expiresAt } = await signRoomToken(secret, { userId, room }, { now });
    expect(expiresAt.toISOString()).toBe("2030-01-01T12:05:00.000Z");
    expect(await verifyRoomToken(secret, token, room, { now })).toEqual({
      ok: true,
      userId,
      room,
      exp: expiresAt.getTime() / 1000,
    });
    const justBefore = new Date(expiresAt.getTime() - 1000);
    expect((await verifyRoomToken(secret, token, room, { now: justBefore })).ok).toBe(true);
    expect(await verifyRoomToken(secret, token, room, { now: expiresAt })).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuses a missing, malformed, forged or other-room token", async () => {
    const { token } = await signRoomToken(secret, { userId, room });
    expect(await verifyRoomToken(secret, undefined, room)).toEqual({ ok: false, reason: "missing" });
    expect(await verifyRoomToken(secret, "", room)).toEqual({ ok: false, reason: "missing" });
    expect(await verifyRoomToken(secret, "abc", room)).toEqual({ ok: false, reason: "malformed" });
    expect(await verifyRoomToken(secret, `${token}.x`, room)).toEqual({ ok: false, reason: "malformed" });
    expect(await verifyRoomToken(secret, "x".repeat(2000), room)).toEqual({ ok: false, reason: "malformed" });
    expect(await verifyRoomToken("another-secret-of-at-least-32-chars", token, room)).toEqual({
      ok: false,
      reason: "bad signature",
    });
    const [payload, signature] = token.split(".");
    const flipped = `${payload?.slice(0, -1)}${payload?.endsWith("A") ? "B" : "A"}.${signature}`;
    expect((await verifyRoomToken(secret, flipped, room)).ok).toBe(false);
    expect(await verifyRoomToken(secret, token, userRoom(userId))).toEqual({
      ok: false,
      reason: "other room",
    });
  });
});
