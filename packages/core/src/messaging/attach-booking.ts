import { conversationParticipants, conversations, type Tx } from "@hometrip/db";
import { and, eq, isNull, sql } from "drizzle-orm";

/** The fields of a `booking.transitioned` event this needs. */
export type BookingForConversation = {
  bookingId: string;
  listingId: string;
  guestId: string;
  hostId: string;
};

/**
 * Gives a booking its thread: the guest's inquiry about the listing becomes the booking's thread
 * and keeps its history; without one a new thread starts. Both parties are participants. Safe to
 * run for every transition and every redelivery: once a thread names the booking nothing changes.
 */
export async function attachBookingToConversation(
  tx: Tx,
  booking: BookingForConversation,
): Promise<{ conversationId: string; outcome: "existing" | "attached" | "created" }> {
  const [existing] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(eq(conversations.bookingId, booking.bookingId));
  if (existing) {
    await ensureParticipants(tx, existing.id, booking);
    return { conversationId: existing.id, outcome: "existing" };
  }
  const [inquiry] = await tx
    .update(conversations)
    .set({ bookingId: booking.bookingId, updatedAt: sql`now()` })
    .where(
      and(
        eq(conversations.listingId, booking.listingId),
        eq(conversations.guestId, booking.guestId),
        isNull(conversations.bookingId),
      ),
    )
    .returning({ id: conversations.id });
  if (inquiry) {
    await ensureParticipants(tx, inquiry.id, booking);
    return { conversationId: inquiry.id, outcome: "attached" };
  }
  const [created] = await tx
    .insert(conversations)
    .values({ listingId: booking.listingId, bookingId: booking.bookingId, guestId: booking.guestId })
    .returning({ id: conversations.id });
  if (!created) throw new Error("conversation insert returned nothing");
  await ensureParticipants(tx, created.id, booking);
  return { conversationId: created.id, outcome: "created" };
}

async function ensureParticipants(tx: Tx, conversationId: string, booking: BookingForConversation) {
  await tx
    .insert(conversationParticipants)
    .values([
      { conversationId, userId: booking.guestId, role: "guest" },
      { conversationId, userId: booking.hostId, role: "host" },
    ])
    .onConflictDoNothing();
}
