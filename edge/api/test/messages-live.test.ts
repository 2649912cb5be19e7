import { beforeAll, describe, expect, it } from "vitest";
import { createTestClient } from "./harness.ts";
import { createHostWithListing, newClientId, startInquiry } from "./messages-support.ts";
import { joinRoom } from "./realtime-support.ts";
import type { Member } from "./users-support.ts";

/** messages.send and messages.markRead reach the conversation room after commit (rooms' post-commit step). */
describe("messages delivered live", () => {
  let host: Member;
  let listingId: string;

  beforeAll(async () => {
    ({ host, listingId } = await createHostWithListing("msg-live-host"));
  }, 60_000);

  it("a sent message and a read receipt arrive in the room; a reconnect catches up by seq", async () => {
    const { guest, conversationId } = await startInquiry(listingId, "first");
    const hostApi = createTestClient(host.auth);
    const guestApi = createTestClient(guest.auth);
    const room = await joinRoom(await hostApi.realtime.conversationToken.mutate({ conversationId }));

    const sent = await guestApi.messages.send.mutate({
      conversationId,
      body: "call +44 20 7946 0958",
      clientId: newClientId(),
    });
    const live = await room.next("message", (e) => e.message.seq === 2);
    expect(live.message).toMatchObject({
      id: sent.message.id,
      body: "call [phone number hidden]",
      masked: true,
    });

    await hostApi.messages.markRead.mutate({ conversationId, upToSeq: 2 });
    expect(await room.next("read")).toEqual({ type: "read", userId: host.userId, lastReadSeq: 2 });
    room.close();

    // While the host is away, two more; on reconnect the host asks after the last seq it saw.
    await guestApi.messages.send.mutate({ conversationId, body: "third", clientId: newClientId() });
    await guestApi.messages.send.mutate({ conversationId, body: "fourth", clientId: newClientId() });
    const again = await joinRoom(await hostApi.realtime.conversationToken.mutate({ conversationId }));
    const missed = await hostApi.messages.list.query({ conversationId, afterSeq: live.message.seq });
    expect(missed.messages.map((m) => [m.seq, m.body])).toEqual([
      [3, "third"],
      [4, "fourth"],
    ]);
    await guestApi.messages.send.mutate({ conversationId, body: "fifth", clientId: newClientId() });
    expect((await again.next("message")).message.seq).toBe(5);
    again.close();
  });
});
