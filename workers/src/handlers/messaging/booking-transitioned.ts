import { attachBookingToConversation, type BookingForConversation, type Logger } from "@hometrip/core";
import type { Tx } from "@hometrip/db";

/**
 * Gives every booking its thread: the guest's inquiry about the listing becomes the booking's
 * conversation (history kept), or a new one starts; the host is a participant. Runs for each
 * transition and each redelivery; after the first it changes nothing (processed_events also
 * stops a redelivery, this keeps even a replay harmless).
 *
 * Typed on the fields it reads rather than the catalog's `booking.transitioned` entry, which the
 * bookings domain defines; registered in handlers/index.ts under that type once it is in the catalog.
 */
export async function handleBookingTransitionedForMessaging(ctx: {
  tx: Tx;
  event: { id: string; payload: BookingForConversation & { to: string } };
  log: Logger;
}): Promise<void> {
  const { bookingId, listingId, guestId, hostId, to } = ctx.event.payload;
  const result = await attachBookingToConversation(ctx.tx, { bookingId, listingId, guestId, hostId });
  if (result.outcome !== "existing") {
    ctx.log.info("booking conversation ready", {
      eventId: ctx.event.id,
      bookingId,
      conversationId: result.conversationId,
      outcome: result.outcome,
      status: to,
    });
  }
}
