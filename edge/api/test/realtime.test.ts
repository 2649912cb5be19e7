import { recordEvent } from "@hometrip/core";
import { messages } from "@hometrip/db";
import { describe, expect, it } from "vitest";
import { authedProcedure, createCallerFactory, router, type TrpcContext } from "../src/trpc.ts";
import { newMember } from "./auth-helpers.ts";
import { bearer, createTestClient, settle, withRequestContext } from "./harness.ts";
import { createConversation, joinRoom } from "./realtime-support.ts";

/** Procedures on the real authed base that only write what the messages domain will write. */
const writer = router({
  sendsMessage: authedProcedure.mutation(({ ctx }) => {
    const { conversationId, recipientId, seq } = ctx as unknown as Arrange;
    return ctx.services.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(messages)
        .values({
          conversationId,
          senderId: ctx.actor.userId,
          seq,
          clientId: crypto.randomUUID(),
          body: `hello ${seq}`,
        })
        .returning();
      await recordEvent(tx, "message.sent", {
        messageId: row!.id,
        conversationId,
        seq,
        senderId: ctx.actor.userId,
        recipientIds: [recipientId],
        body: row!.body,
        masked: false,
        attachments: [],
        createdAt: row!.createdAt.toISOString(),
      });
      return row!.id;
    });
  }),
  readsConversation: authedProcedure.mutation(({ ctx }) => {
    const { conversationId, seq } = ctx as unknown as Arrange;
    return ctx.services.db.transaction((tx) =>
      recordEvent(tx, "conversation.read", { conversationId, userId: ctx.actor.userId, lastReadSeq: seq }),
    );
  }),
});
type Arrange = { conversationId: string; recipientId: string; seq: number };
const callerOf = createCallerFactory(writer);
const asMember = <T>(
  accessToken: string,
  arrange: Arrange,
  use: (call: ReturnType<typeof callerOf>) => Promise<T>,
) =>
  withRequestContext({ headers: bearer(accessToken) }, (ctx) =>
    use(callerOf({ ...ctx, ...arrange } as TrpcContext)),
  );

async function twoMembersTalking() {
  const [guest, host] = await Promise.all([newMember("rt-guest"), newMember("rt-host")]);
  const conversationId = await createConversation(guest.userId, host.userId);
  return { guest, host, conversationId };
}

describe("realtime tokens", () => {
  it("gives a participant a five-minute ticket for the conversation room", async () => {
    const { guest, conversationId } = await twoMembersTalking();
    const ticket = await createTestClient(bearer(guest.tokens.accessToken)).realtime.conversationToken.mutate(
      {
        conversationId,
      },
    );
    expect(ticket).toMatchObject({
      room: `conversation:${conversationId}`,
      party: "conversation-room",
      id: conversationId,
      host: "127.0.0.1:1999",
    });
    expect(ticket.url).toBe(
      `ws://127.0.0.1:1999/parties/conversation-room/${conversationId}?token=${encodeURIComponent(ticket.token)}`,
    );
    const ttl = Date.parse(ticket.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(4 * 60_000);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);
    const room = await joinRoom(ticket);
    expect(await room.next("presence")).toEqual({ type: "presence", online: [guest.userId] });
    room.close();
  });

  it("refuses a member who is not a participant, an unknown conversation, and an anonymous caller", async () => {
    const { conversationId } = await twoMembersTalking();
    const stranger = await newMember("rt-stranger");
    const asStranger = createTestClient(bearer(stranger.tokens.accessToken));
    const notMember = await settle(() => asStranger.realtime.conversationToken.mutate({ conversationId }));
    expect(notMember.status).toBe(404);
    const unknown = await settle(() =>
      asStranger.realtime.conversationToken.mutate({ conversationId: crypto.randomUUID() }),
    );
    expect(unknown.status).toBe(404);
    const anonymous = await settle(() =>
      createTestClient().realtime.conversationToken.mutate({ conversationId }),
    );
    expect(anonymous.status).toBe(401);
    expect((await settle(() => createTestClient().realtime.userToken.mutate())).status).toBe(401);
  });

  it("gives a member a ticket for their own user room only", async () => {
    const member = await newMember("rt-user");
    const ticket = await createTestClient(bearer(member.tokens.accessToken)).realtime.userToken.mutate();
    expect(ticket).toMatchObject({ room: `user:${member.userId}`, party: "user-room", id: member.userId });
    const room = await joinRoom(ticket);
    room.close();
    // The same token on another user's room is refused by the room (its signature names this room).
    const elsewhere = await joinRoom({
      ...ticket,
      url: ticket.url.replace(member.userId, crypto.randomUUID()),
    });
    expect(await elsewhere.closed).toEqual({ code: 4403, reason: "room token is for another room" });
  });
});

describe("post-commit delivery into rooms, through the Durable Object bindings", () => {
  it("delivers a committed message.sent to the conversation room and the recipient's unread count", async () => {
    const { guest, host, conversationId } = await twoMembersTalking();
    const hostClient = createTestClient(bearer(host.tokens.accessToken));
    const conversation = await joinRoom(
      await hostClient.realtime.conversationToken.mutate({ conversationId }),
    );
    const hostInbox = await joinRoom(await hostClient.realtime.userToken.mutate());
    await conversation.next("presence");

    const messageId = await asMember(
      guest.tokens.accessToken,
      { conversationId, recipientId: host.userId, seq: 1 },
      (call) => call.sendsMessage(),
    );
    // Awaited by the post-commit step: the event is already in the room when the call returns.
    expect(await conversation.next("message")).toMatchObject({
      type: "message",
      message: {
        id: messageId,
        conversationId,
        seq: 1,
        senderId: guest.userId,
        body: "hello 1",
        masked: false,
      },
    });
    expect(await hostInbox.next("unread")).toEqual({ type: "unread", conversations: 1, notifications: 0 });

    await asMember(host.tokens.accessToken, { conversationId, recipientId: guest.userId, seq: 1 }, (call) =>
      call.readsConversation(),
    );
    expect(await conversation.next("read")).toEqual({ type: "read", userId: host.userId, lastReadSeq: 1 });
    conversation.close();
    hostInbox.close();
  });

  it("keeps the order of messages committed one after another", async () => {
    const { guest, host, conversationId } = await twoMembersTalking();
    const room = await joinRoom(
      await createTestClient(bearer(host.tokens.accessToken)).realtime.conversationToken.mutate({
        conversationId,
      }),
    );
    for (let seq = 1; seq <= 5; seq++) {
      await asMember(guest.tokens.accessToken, { conversationId, recipientId: host.userId, seq }, (call) =>
        call.sendsMessage(),
      );
    }
    await room.next("message", (e) => e.message.seq === 5);
    expect(room.events.flatMap((e) => (e.type === "message" ? [e.message.seq] : []))).toEqual([
      1, 2, 3, 4, 5,
    ]);
    room.close();
  });
});
