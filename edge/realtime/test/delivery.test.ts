import { env, SELF } from "cloudflare:test";
import { httpRoomDelivery } from "@hometrip/core/realtime";
import { durableObjectRoomDelivery } from "@hometrip/core/realtime/durable-object";
import { describe, expect, it } from "vitest";
import { connect, conversationRoom, internalToken, newId, tokenFor, userRoom } from "./support.ts";

const rooms = () => durableObjectRoomDelivery({ conversation: env.ConversationRoom, user: env.UserRoom });
/** The Bun workers' path, with the Worker's own fetch standing in for the network. */
const overHttp = (token = internalToken) =>
  httpRoomDelivery({
    baseUrl: "http://rooms.test",
    internalToken: token,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => SELF.fetch(input, init)) as typeof fetch,
  });

const message = (conversationId: string, senderId: string, seq: number) => ({
  id: newId(),
  conversationId,
  seq,
  senderId,
  body: `message ${seq}`,
  masked: false,
  attachments: [],
  createdAt: new Date().toISOString(),
});

describe("delivery into rooms", () => {
  it("delivers messages to every member in the order they were sent, once each", async () => {
    const conversationId = newId();
    const room = conversationRoom(conversationId);
    const [ana, bo] = [newId(), newId()];
    const anaClient = await connect(room, await tokenFor(ana, room));
    const boClient = await connect(room, await tokenFor(bo, room));
    await anaClient.next("presence", (e) => e.online.length === 2);
    for (let seq = 1; seq <= 30; seq++) {
      const via = seq % 2 === 0 ? rooms() : overHttp();
      expect(
        await via.deliver(room, { type: "message", message: message(conversationId, ana, seq) }),
      ).toEqual({
        delivered: 2,
      });
    }
    for (const client of [anaClient, boClient]) {
      await client.next("message", (e) => e.message.seq === 30);
      const seqs = client.events.flatMap((e) => (e.type === "message" ? [e.message.seq] : []));
      expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    }
    anaClient.ws.close(1000);
    boClient.ws.close(1000);
  });

  it("broadcasts typing to the others, not back to the typist", async () => {
    const room = conversationRoom(newId());
    const [ana, bo] = [newId(), newId()];
    const anaClient = await connect(room, await tokenFor(ana, room));
    const boClient = await connect(room, await tokenFor(bo, room));
    await anaClient.next("presence", (e) => e.online.length === 2);
    anaClient.send({ type: "typing", typing: true });
    expect(await boClient.next("typing")).toEqual({ type: "typing", userId: ana, typing: true });
    anaClient.send({ type: "typing", typing: false });
    expect(await boClient.next("typing", (e) => !e.typing)).toEqual({
      type: "typing",
      userId: ana,
      typing: false,
    });
    // A frame outside the protocol is ignored, and so is a spoofed message.
    anaClient.send({ type: "message", message: message(newId(), bo, 1) });
    anaClient.ws.send("not json");
    anaClient.send({ type: "typing", typing: true });
    await boClient.next(
      "typing",
      (e) => e.typing && boClient.events.filter((x) => x.type === "typing").length === 3,
    );
    expect(anaClient.events.filter((e) => e.type === "typing" || e.type === "message")).toEqual([]);
    expect(boClient.events.filter((e) => e.type === "message")).toEqual([]);
    anaClient.ws.close(1000);
    boClient.ws.close(1000);
  });

  it("sends notifications and unread totals to every tab of the user, and to nobody else", async () => {
    const ana = newId();
    const tabs = await Promise.all(
      [1, 2].map(async () => connect(userRoom(ana), await tokenFor(ana, userRoom(ana)))),
    );
    const bo = await connect(userRoom(newId()), null);
    await bo.closed;
    const notification = {
      id: newId(),
      type: "message.received",
      title: "New message",
      body: "Bo wrote to you",
      data: { conversationId: newId() },
      createdAt: new Date().toISOString(),
    };
    expect(await overHttp().deliver(userRoom(ana), { type: "notification", notification })).toEqual({
      delivered: 2,
    });
    expect(
      await rooms().deliver(userRoom(ana), { type: "unread", conversations: 1, notifications: 4 }),
    ).toEqual({
      delivered: 2,
    });
    for (const tab of tabs) {
      expect(await tab.next("notification")).toEqual({ type: "notification", notification });
      expect(await tab.next("unread")).toEqual({ type: "unread", conversations: 1, notifications: 4 });
    }
    for (const tab of tabs) tab.ws.close(1000);
  });

  it("refuses internal deliveries without the bearer token, malformed ones, and events of the wrong room kind", async () => {
    const room = userRoom(newId());
    await expect(
      overHttp("wrong-token-0123456789").deliver(room, {
        type: "unread",
        conversations: 0,
        notifications: 0,
      }),
    ).rejects.toThrow(/HTTP 401/);
    const post = (body: unknown) =>
      SELF.fetch("http://rooms.test/internal/deliver", {
        method: "POST",
        headers: { authorization: `Bearer ${internalToken}` },
        body: JSON.stringify(body),
      });
    expect((await post({ room, event: { type: "read", userId: newId(), lastReadSeq: 1 } })).status).toBe(400);
    expect((await post({ room: "user:not-a-uuid", event: { type: "unread" } })).status).toBe(400);
    expect((await SELF.fetch("http://rooms.test/internal/deliver")).status).toBe(405);
    const typingIntoUserRoom = await env.UserRoom.getByName(newId())
      .deliver({ type: "typing", userId: "x", typing: true })
      .then(
        () => "delivered",
        (error: Error) => error.message,
      );
    expect(typingIntoUserRoom).toBe("not an event a user room delivers");
  });
});
