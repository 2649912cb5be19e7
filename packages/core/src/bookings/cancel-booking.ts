import { AppError, type CancellationPreview } from "@hometrip/contracts";
import type { Database } from "@hometrip/db";
import { type BookingWithListing, lockBooking, transitionBooking } from "./booking-record.ts";
import { computeRefund, type Refund } from "./cancellation-policy.ts";
import { assertTransition } from "./state-machine.ts";

export type CancellingParty = "guest" | "host";

export function partyOf(found: BookingWithListing, userId: string): CancellingParty {
  if (found.booking.guestId === userId) return "guest";
  if (found.listing.hostId === userId) return "host";
  throw new AppError("FORBIDDEN", "Only the guest or the host can cancel a booking");
}

/** The refund a cancellation at `now` gives: the one rule (cancellation-policy.ts) for preview and cancel. */
export function refundFor(found: BookingWithListing, by: CancellingParty, now: Date): Refund {
  const { booking, listing } = found;
  return computeRefund(
    { ...booking, bookedAt: booking.createdAt },
    booking.cancellationPolicy,
    by,
    { timeZone: listing.timezone, checkInTime: listing.checkInTime.slice(0, 5) },
    now,
  );
}

/** What cancelling now would refund, without cancelling; refused when the booking cannot be cancelled. */
export function previewCancellation(
  found: BookingWithListing,
  userId: string,
  now: Date,
): CancellationPreview {
  const by = partyOf(found, userId);
  assertTransition(found.booking.status, by === "guest" ? "cancelled_by_guest" : "cancelled_by_host");
  return toPreview(found, by, refundFor(found, by, now));
}

/** confirmed → cancelled_by_guest | cancelled_by_host, recording exactly the previewed refund. */
export async function cancelBooking(
  db: Database,
  userId: string,
  bookingId: string,
  reason: string | undefined,
  now: Date,
): Promise<{ found: BookingWithListing; preview: CancellationPreview }> {
  return db.transaction(async (tx) => {
    const found = await lockBooking(tx, bookingId);
    const by = partyOf(found, userId);
    const refund = refundFor(found, by, now);
    const booking = await transitionBooking(
      tx,
      found,
      by === "guest" ? "cancelled_by_guest" : "cancelled_by_host",
      now,
      {
        cancelledAt: now,
        cancelledBy: userId,
        cancellationReason: reason ?? null,
        refundAmount: refund.refund,
      },
    );
    const after = { ...found, booking };
    return { found: after, preview: toPreview(after, by, refund) };
  });
}

function toPreview(found: BookingWithListing, by: CancellingParty, refund: Refund): CancellationPreview {
  const { booking } = found;
  return {
    bookingId: booking.id,
    policy: booking.cancellationPolicy,
    cancelledBy: by,
    total: booking.total,
    refund: refund.refund,
    nights: refund.nights,
    nightsRefund: refund.nightsRefund,
    cleaningFeeRefund: refund.cleaningFeeRefund,
    serviceFeeRefund: refund.serviceFeeRefund,
    taxesRefund: refund.taxesRefund,
    rule: refund.rule,
    currency: booking.currency,
  };
}
