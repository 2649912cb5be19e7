import type { NewBooking, NewConversation, NewConversationParticipant, NewMessage } from "../schema/index.ts";
import { messageTemplates } from "./content.ts";
import type { Rng } from "./prng.ts";

export interface Conversations {
  conversations: NewConversation[];
  participants: NewConversationParticipant[];
  messages: NewMessage[];
}

/** A short guest/host exchange around some bookings (always for the demo guest's). */
export function generateConversations(
  rng: Rng,
  hostId: string,
  bookings: readonly NewBooking[],
  featuredGuestId: string | null,
  notAfter: Date,
  out: Conversations,
): void {
  for (const booking of bookings) {
    if (booking.status === "declined") continue;
    if (booking.guestId !== featuredGuestId && !rng.chance(0.3)) continue;
    const start = (booking.createdAt as Date).getTime();
    const conversationId = rng.uuid();
    const turns: [string, string][] = [
      [booking.guestId, rng.pick(messageTemplates.guestOpening)],
      [hostId, rng.pick(messageTemplates.hostReply)],
    ];
    if (rng.chance(0.6)) turns.push([booking.guestId, rng.pick(messageTemplates.guestThanks)]);
    let clock = start;
    const sent = turns.map(([senderId, body], index) => {
      clock = Math.min(clock + rng.int(5, 600) * 60_000, notAfter.getTime());
      const id = rng.uuid();
      return { id, conversationId, seq: index + 1, clientId: id, senderId, body, createdAt: new Date(clock) };
    });
    const created = new Date(start);
    const lastAt = new Date(clock);
    out.conversations.push({
      id: conversationId,
      listingId: booking.listingId,
      bookingId: booking.id as string,
      guestId: booking.guestId,
      lastSeq: sent.length,
      lastMessageAt: lastAt,
      createdAt: created,
      updatedAt: lastAt,
    });
    out.participants.push(
      {
        conversationId,
        userId: booking.guestId,
        role: "guest",
        lastReadAt: lastAt,
        lastReadSeq: sent.length,
        joinedAt: created,
      },
      {
        conversationId,
        userId: hostId,
        role: "host",
        lastReadAt: lastAt,
        lastReadSeq: sent.length,
        joinedAt: created,
      },
    );
    out.messages.push(...sent);
  }
}
