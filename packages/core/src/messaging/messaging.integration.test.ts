import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachBookingToConversation } from "./attach-booking.ts";
import { openInquiry } from "./conversations.ts";
import { listConversations, unreadMessageCount } from "./inbox.ts";
import { listMessages } from "./list-messages.ts";
import { markConversationRead } from "./mark-read.ts";
import { sendMessage } from "./send-message.ts";

describe("messaging against the migrated database", () => {
  let database: TunnelledDatabase;
  let n = 0;
  const user = async (name: string) => {
    n += 1;
    const { rows } = await database.db.execute<{ id: string }>(
      sql`insert into users (email, display_name) values (${`${name}-${n}-${crypto.randomUUID()}@test.example`}, ${name}) returning id`,
    );
    return rows[0]!.id;
  };
  const listing = async (hostId: string) => {
    const { rows } = await database.db.execute<{ id: string }>(sql`
      insert into listings (host_id, title, status, property_type, address_line1, city, country, lat, lng,
        timezone, capacity, bedrooms, beds, baths, nightly_price, currency)
      values (${hostId}, 'Harbour flat', 'published', 'apartment', '1 Quay', 'Porto', 'PT', 41.1, -8.6,
        'Europe/Lisbon', 2, 1, 1, 1, 10000, 'EUR') returning id`);
    return rows[0]!.id;
  };
  const booking = async (listingId: string, guestId: string, status: string) => {
    const { rows } = await database.db.execute<{ id: string }>(sql`
      insert into bookings (listing_id, guest_id, status, check_in, check_out, guests, nightly_subtotal,
        cleaning_fee, service_fee, taxes, total, currency, idempotency_key)
      values (${listingId}, ${guestId}, ${status}, ${utcDaysFromToday(30)}, ${utcDaysFromToday(33)}, 2, 30000,
        0, 0, 0, 30000, 'EUR', ${crypto.randomUUID()}) returning id`);
    return rows[0]!.id;
  };
  const send = (conversationId: string, senderId: string, body: string, clientId = crypto.randomUUID()) =>
    sendMessage(database.db, { conversationId, senderId, clientId, body, attachments: [] });

  beforeAll(async () => {
    database = await createTunnelledDatabase({ prefix: "core_messaging" });
  });
  afterAll(() => database?.close());

  it("numbers concurrent sends 1..N with no gap and no repeat", async () => {
    const host = await user("host");
    const guest = await user("guest");
    const { conversationId } = await openInquiry(database.db, {
      listingId: await listing(host),
      guestId: guest,
    });
    const sent = await Promise.all(
      Array.from({ length: 12 }, (_, i) => send(conversationId, i % 2 ? host : guest, `message ${i}`)),
    );
    expect(sent.map((s) => s.message.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    const page = await listMessages(database.db, { conversationId, afterSeq: 5, limit: 4 });
    expect(page.messages.map((m) => m.seq)).toEqual([6, 7, 8, 9]);
    expect(page.hasMore).toBe(true);
    const older = await listMessages(database.db, { conversationId, beforeSeq: 3, limit: 10 });
    expect(older).toMatchObject({ hasMore: false });
    expect(older.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it("stores one message per client id, also when retries race", async () => {
    const host = await user("host");
    const guest = await user("guest");
    const { conversationId } = await openInquiry(database.db, {
      listingId: await listing(host),
      guestId: guest,
    });
    const clientId = crypto.randomUUID();
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () => send(conversationId, guest, "hello", clientId)),
    );
    expect(new Set(attempts.map((a) => a.message.id)).size).toBe(1);
    expect(attempts.filter((a) => !a.replayed)).toHaveLength(1);
    const { rows } = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from messages where conversation_id = ${conversationId}`,
    );
    expect(rows[0]?.n).toBe(1);
    const events = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from outbox where event_type = 'message.sent' and payload->>'conversationId' = ${conversationId}`,
    );
    expect(events.rows[0]?.n).toBe(1);
  });

  it("keeps one inquiry per listing and guest, and the booking inherits it", async () => {
    const host = await user("host");
    const guest = await user("guest");
    const listingId = await listing(host);
    const opened = await Promise.all(
      [1, 2, 3].map(() => openInquiry(database.db, { listingId, guestId: guest })),
    );
    expect(new Set(opened.map((o) => o.conversationId)).size).toBe(1);
    const conversationId = opened[0]!.conversationId;
    await send(conversationId, guest, "call me on +44 20 7946 0958");

    const bookingId = await booking(listingId, guest, "confirmed");
    const attach = () =>
      database.db.transaction((tx) =>
        attachBookingToConversation(tx, { bookingId, listingId, guestId: guest, hostId: host }),
      );
    expect(await attach()).toEqual({ conversationId, outcome: "attached" });
    expect(await attach()).toEqual({ conversationId, outcome: "existing" });
    const after = await send(conversationId, guest, "call me on +44 20 7946 0958");
    expect(after.message).toMatchObject({ seq: 2, masked: false, body: "call me on +44 20 7946 0958" });
    const history = await listMessages(database.db, { conversationId, limit: 10 });
    expect(history.messages.map((m) => m.masked)).toEqual([true, false]);

    // A second trip without an open inquiry gets its own thread; a new inquiry starts fresh again.
    const second = await booking(listingId, guest, "declined");
    const created = await database.db.transaction((tx) =>
      attachBookingToConversation(tx, { bookingId: second, listingId, guestId: guest, hostId: host }),
    );
    expect(created.outcome).toBe("created");
    expect(created.conversationId).not.toBe(conversationId);
  });

  it("counts unread by seq and agrees after reading on another device", async () => {
    const host = await user("host");
    const guest = await user("guest");
    const { conversationId } = await openInquiry(database.db, {
      listingId: await listing(host),
      guestId: guest,
    });
    await send(conversationId, guest, "one");
    await send(conversationId, guest, "two");
    await send(conversationId, guest, "three");
    expect(await unreadMessageCount(database.db, host)).toBe(3);
    expect(await unreadMessageCount(database.db, guest)).toBe(0);
    expect(await markConversationRead(database.db, { conversationId, userId: host, upToSeq: 2 })).toEqual({
      lastReadSeq: 2,
      unreadCount: 1,
      totalUnread: 1,
    });
    // An older position from a stale device never moves the reader back; past the end clamps.
    expect(
      (await markConversationRead(database.db, { conversationId, userId: host, upToSeq: 1 })).lastReadSeq,
    ).toBe(2);
    expect(
      (await markConversationRead(database.db, { conversationId, userId: host, upToSeq: 99 })).lastReadSeq,
    ).toBe(3);
    const [inbox] = await listConversations(database.db, { userId: guest, limit: 10, offset: 0 });
    expect(inbox).toMatchObject({
      id: conversationId,
      unreadCount: 0,
      otherLastReadSeq: 3,
      lastMessage: { seq: 3, body: "three" },
      listing: { title: "Harbour flat" },
      otherParty: { userId: host, role: "host" },
    });
  });
});
