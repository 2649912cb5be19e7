import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./db.ts";
import { createTestClient, settle, untyped } from "./harness.ts";
import { createDraft } from "./listings-support.ts";
import { anotherSession, createHostWithListing, newClientId, startInquiry } from "./messages-support.ts";
import type { Member } from "./users-support.ts";

describe("messages: inquiries, sending and reading", () => {
  let host: Member;
  let listingId: string;

  beforeAll(async () => {
    ({ host, listingId } = await createHostWithListing("msg-host"));
  }, 60_000);

  it("a guest's inquiry reaches the host's inbox with the listing, last message and unread count", async () => {
    const { guest, conversationId, first } = await startInquiry(listingId, "Is there a cot for a baby?");
    expect(first).toMatchObject({
      masking: null,
      replayed: false,
      message: { seq: 1, senderId: guest.userId },
    });
    const inbox = await createTestClient(host.auth).messages.listConversations.query();
    const row = inbox.conversations.find((c) => c.id === conversationId);
    expect(row).toMatchObject({
      myRole: "host",
      unreadCount: 1,
      listing: { id: listingId, title: "Harbour flat" },
      otherParty: { userId: guest.userId, role: "guest" },
      lastMessage: { seq: 1, body: "Is there a cot for a baby?" },
      contactDetailsShared: false,
    });
    expect(row?.listing?.coverPhotoUrl).toMatch(/^\/listing-photos\//);
    expect((await createTestClient(host.auth).messages.unreadCount.query()).total).toBe(inbox.totalUnread);
    // Contacting again continues the same inquiry.
    const again = await createTestClient(guest.auth).messages.contactHost.mutate({ listingId });
    expect(again).toEqual({ conversationId, created: false });
  });

  it("the same client id returns the same message and stores it once", async () => {
    const { guest, conversationId } = await startInquiry(listingId);
    const api = createTestClient(guest.auth);
    const clientId = newClientId();
    const first = await api.messages.send.mutate({ conversationId, body: "Second question", clientId });
    const retried = await api.messages.send.mutate({ conversationId, body: "Second question", clientId });
    expect(retried).toEqual({ ...first, replayed: true });
    const rows = await sql("select id from messages where conversation_id = $1", [conversationId]);
    expect(rows).toHaveLength(2);
    const events = await sql(
      "select id from outbox where event_type = 'message.sent' and payload->>'conversationId' = $1",
      [conversationId],
    );
    expect(events).toHaveLength(2);
  });

  it("a reconnecting client gets what it missed, in order, without duplicates", async () => {
    const { guest, conversationId } = await startInquiry(listingId, "m1");
    const guestApi = createTestClient(guest.auth);
    const hostApi = createTestClient(host.auth);
    // The guest's view holds seq 1; then both sides write while it is "offline".
    for (let i = 2; i <= 7; i++) {
      const api = i % 2 ? guestApi : hostApi;
      await api.messages.send.mutate({ conversationId, body: `m${i}`, clientId: newClientId() });
    }
    const held = [1];
    let after = 1;
    for (;;) {
      const page = await guestApi.messages.list.query({ conversationId, afterSeq: after, limit: 2 });
      held.push(...page.messages.map((m) => m.seq));
      after = page.messages.at(-1)?.seq ?? after;
      if (!page.hasMore) break;
    }
    expect(held).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const latest = await guestApi.messages.list.query({ conversationId, limit: 3 });
    expect(latest.messages.map((m) => m.body)).toEqual(["m5", "m6", "m7"]);
    const older = await guestApi.messages.list.query({ conversationId, beforeSeq: 5, limit: 10 });
    expect(older.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(older.hasMore).toBe(false);
  });

  it("read positions and unread counts agree across two sessions of the same host", async () => {
    const { guest, conversationId } = await startInquiry(listingId, "one");
    const guestApi = createTestClient(guest.auth);
    await guestApi.messages.send.mutate({ conversationId, body: "two", clientId: newClientId() });
    await guestApi.messages.send.mutate({ conversationId, body: "three", clientId: newClientId() });
    const phone = createTestClient(host.auth);
    const laptop = createTestClient((await anotherSession(host)).auth);
    const before = (await laptop.messages.unreadCount.query()).total;
    expect(await phone.messages.markRead.mutate({ conversationId, upToSeq: 2 })).toMatchObject({
      lastReadSeq: 2,
      unreadCount: 1,
      totalUnread: before - 2,
    });
    expect((await laptop.messages.unreadCount.query()).total).toBe(before - 2);
    // The laptop, stale, reports an older position: nothing moves back.
    expect((await laptop.messages.markRead.mutate({ conversationId, upToSeq: 1 })).lastReadSeq).toBe(2);
    await laptop.messages.markRead.mutate({ conversationId, upToSeq: 3 });
    const summary = await guestApi.messages.conversation.query({ conversationId });
    expect(summary).toMatchObject({ otherLastReadSeq: 3, lastReadSeq: 3, unreadCount: 0 });
    const reads = await sql<{ payload: unknown }>(
      "select payload from outbox where event_type = 'conversation.read' and payload->>'conversationId' = $1 order by (payload->>'lastReadSeq')::int",
      [conversationId],
    );
    expect(reads.map((r) => r.payload)).toEqual([
      { conversationId, userId: host.userId, lastReadSeq: 2 },
      { conversationId, userId: host.userId, lastReadSeq: 3 },
    ]);
  });

  it("records message.sent with exactly the delivery payload", async () => {
    const { guest, conversationId, first } = await startInquiry(listingId, "payload check");
    const [row] = await sql<{ payload: unknown }>(
      "select payload from outbox where payload->>'messageId' = $1",
      [first.message.id],
    );
    expect(row?.payload).toEqual({
      messageId: first.message.id,
      conversationId,
      seq: 1,
      senderId: guest.userId,
      recipientIds: [host.userId],
      body: "payload check",
      masked: false,
      attachments: [],
      createdAt: first.message.createdAt,
    });
  });

  it("refuses what it must: bad input, own or unpublished listings, empty messages", async () => {
    const { guest, conversationId } = await startInquiry(listingId);
    const api = createTestClient(guest.auth);
    const long = await settle(() =>
      api.messages.send.mutate({ conversationId, body: "x".repeat(2001), clientId: newClientId() }),
    );
    expect(long.status).toBe(400);
    const empty = await settle(() =>
      api.messages.send.mutate({ conversationId, body: "  ", clientId: newClientId() }),
    );
    expect(empty.status).toBe(400);
    const badClient = await settle(() =>
      api.messages.send.mutate({ conversationId, body: "hi", clientId: "../x" }),
    );
    expect(badClient.status).toBe(400);
    const both = await settle(() =>
      api.messages.list.query(untyped({ conversationId, afterSeq: 1, beforeSeq: 3 })),
    );
    expect(both.status).toBe(400);
    const own = await settle(() => createTestClient(host.auth).messages.contactHost.mutate({ listingId }));
    expect(own.status).toBe(400);
    const draft = await createDraft(host, "Not yet");
    const unpublished = await settle(() => api.messages.contactHost.mutate({ listingId: draft.id }));
    expect(unpublished.status).toBe(404);
    const anonymous = await settle(() => createTestClient().messages.unreadCount.query());
    expect(anonymous.status).toBe(401);
    const reused = await settle(async () => {
      const clientId = newClientId();
      await api.messages.send.mutate({ conversationId, body: "a", clientId });
      const other = await startInquiry(listingId);
      return createTestClient(other.guest.auth).messages.send.mutate({
        conversationId: other.conversationId,
        body: "a",
        clientId,
      });
    });
    expect(reused.status).toBe(200);
  });
});
