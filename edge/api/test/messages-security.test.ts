import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./db.ts";
import { createTestClient, settle } from "./harness.ts";
import { bookAndAttach, createHostWithListing, newClientId, startInquiry } from "./messages-support.ts";
import { apiKeyFor, createMember, type Member } from "./users-support.ts";

const contact = "Mail me at anna.silva@gmail.com or call +351 912 345 678, see www.villa-rosa.pt";

describe("messages: who may read and write a conversation", () => {
  let host: Member;
  let listingId: string;

  beforeAll(async () => {
    ({ host, listingId } = await createHostWithListing("msg-sec-host"));
  }, 60_000);

  it("a non-participant is told the conversation does not exist, and nothing changes", async () => {
    const { conversationId } = await startInquiry(listingId);
    const outsider = createTestClient((await createMember("outsider")).auth);
    const before = await sql("select * from messages where conversation_id = $1 order by seq", [
      conversationId,
    ]);
    const calls: (() => Promise<unknown>)[] = [
      () => outsider.messages.send.mutate({ conversationId, body: "let me in", clientId: newClientId() }),
      () => outsider.messages.list.query({ conversationId, afterSeq: 0 }),
      () => outsider.messages.conversation.query({ conversationId }),
      () => outsider.messages.markRead.mutate({ conversationId, upToSeq: 1 }),
    ];
    for (const run of calls) expect((await settle(run)).status).toBe(404);
    const unknown = await settle(() =>
      outsider.messages.list.query({ conversationId: crypto.randomUUID(), afterSeq: 0 }),
    );
    expect(unknown.status).toBe(404);
    expect(
      await sql("select * from messages where conversation_id = $1 order by seq", [conversationId]),
    ).toEqual(before);
    const inbox = await outsider.messages.listConversations.query();
    expect(inbox).toEqual({ conversations: [], totalUnread: 0 });
  });

  it("API keys cannot read or send messages", async () => {
    const { guest, conversationId } = await startInquiry(listingId);
    const key = createTestClient(await apiKeyFor(guest, ["profile:read"]));
    expect((await settle(() => key.messages.list.query({ conversationId }))).status).toBe(403);
    expect((await settle(() => key.messages.listConversations.query())).status).toBe(403);
  });

  it("masks contact details before the booking is confirmed and says so to the sender", async () => {
    const { guest, conversationId } = await startInquiry(listingId);
    const sent = await createTestClient(guest.auth).messages.send.mutate({
      conversationId,
      body: contact,
      clientId: newClientId(),
    });
    expect(sent.message).toMatchObject({
      masked: true,
      body: "Mail me at [email hidden] or call [phone number hidden], see [link hidden]",
    });
    expect(sent.masking?.hidden.sort()).toEqual(["email", "link", "phone"]);
    expect(sent.masking?.explanation).toMatch(/until the booking is confirmed/i);
    // The original never reaches storage or the outbox.
    const stored = await sql<{ body: string }>("select body from messages where id = $1", [sent.message.id]);
    expect(stored[0]?.body).not.toContain("gmail");
    const events = await sql<{ payload: { body: string } }>(
      "select payload from outbox where payload->>'messageId' = $1",
      [sent.message.id],
    );
    expect(events[0]?.payload.body).not.toContain("912");
    // A booking that is only requested still masks.
    await bookAndAttach(listingId, guest, host, "declined");
  });

  it("shows contact details once the booking is confirmed, and keeps the inquiry's history", async () => {
    const { guest, conversationId } = await startInquiry(listingId, "Can we arrive late?");
    const guestApi = createTestClient(guest.auth);
    const before = await guestApi.messages.send.mutate({
      conversationId,
      body: contact,
      clientId: newClientId(),
    });
    expect(before.message.masked).toBe(true);
    await bookAndAttach(listingId, guest, host, "confirmed");
    const after = await createTestClient(host.auth).messages.send.mutate({
      conversationId,
      body: "Sure, my number is +351 912 345 678",
      clientId: newClientId(),
    });
    expect(after).toMatchObject({ masking: null, message: { masked: false, seq: 3 } });
    expect(after.message.body).toContain("+351 912 345 678");
    const summary = await guestApi.messages.conversation.query({ conversationId });
    expect(summary).toMatchObject({ contactDetailsShared: true, bookingStatus: "confirmed" });
    const history = await guestApi.messages.list.query({ conversationId });
    expect(history.messages.map((m) => [m.seq, m.masked])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
  });

  it("limits how fast one member sends", async () => {
    const { guest, conversationId } = await startInquiry(listingId);
    const api = createTestClient(guest.auth);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const result = await settle(() =>
        api.messages.send.mutate({ conversationId, body: `n${i}`, clientId: newClientId() }),
      );
      statuses.push(result.status);
      if (result.status === 429) {
        expect(Number(result.headers.get("retry-after"))).toBeGreaterThan(0);
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(28);
  });
});
