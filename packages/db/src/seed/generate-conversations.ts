import type { NewBooking, NewConversation, NewConversationParticipant, NewMessage } from "../schema/index.ts";
import { messageTemplates } from "./content.ts";
import { createRng, type Rng } from "./prng.ts";

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
      return {
        id,
        conversationId,
        seq: index + 1,
        clientId: id,
        senderId,
        body,
        masked: false,
        attachments: [],
        createdAt: new Date(clock),
      };
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

// The second question as messages.send stores it before a booking: its phone number masked.
const demoInquiries: { guest: string; masked: boolean; host?: string }[] = [
  { guest: "Hi! Is the flat suitable for a family with a toddler? A cot would be great.", masked: false },
  {
    guest: "Hello, before I book: could we talk on WhatsApp? My number is [phone number hidden]",
    masked: true,
    host: "Happy to help here in the chat! Yes, we have a cot and a high chair.",
  },
];

/**
 * Questions the demo guest asked before booking (inquiries: no booking), so the inbox shows both
 * kinds of thread and one message that was masked. Its own random stream, so the rest of the
 * seed stays exactly as it was.
 */
export function generateDemoInquiries(
  seed: number,
  listings: readonly { id: string; hostId: string }[],
  guestId: string,
  notAfter: Date,
  out: Conversations,
): void {
  const rng = createRng(seed ^ 0x5eed);
  listings.slice(0, demoInquiries.length).forEach((listing, index) => {
    const script = demoInquiries[index];
    if (!script) return;
    const conversationId = rng.uuid();
    const start = notAfter.getTime() - (index + 1) * 3 * 3_600_000;
    const turns: [string, string, boolean][] = [[guestId, script.guest, script.masked]];
    if (script.host) turns.push([listing.hostId, script.host, false]);
    const sent = turns.map(([senderId, body, masked], i) => {
      const id = rng.uuid();
      const createdAt = new Date(start + i * 20 * 60_000);
      return {
        id,
        conversationId,
        seq: i + 1,
        clientId: id,
        senderId,
        body,
        masked,
        attachments: [],
        createdAt,
      };
    });
    const created = new Date(start);
    const lastAt = sent.at(-1)?.createdAt ?? created;
    out.conversations.push({
      id: conversationId,
      listingId: listing.id,
      guestId,
      lastSeq: sent.length,
      lastMessageAt: lastAt,
      createdAt: created,
      updatedAt: lastAt,
    });
    // The host has not read the first question yet: an unread badge in the demo host's inbox.
    out.participants.push(
      { conversationId, userId: guestId, role: "guest", lastReadSeq: sent.length, joinedAt: created },
      {
        conversationId,
        userId: listing.hostId,
        role: "host",
        lastReadSeq: index === 0 ? 0 : sent.length,
        joinedAt: created,
      },
    );
    out.messages.push(...sent);
  });
}
