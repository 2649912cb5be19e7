import { AppError } from "@hometrip/contracts";
import type { Booking, Database } from "@hometrip/db";
import { type BookingWithListing, lockBooking, transitionBooking } from "./booking-record.ts";
import { payoutsEnabled } from "./create-booking.ts";
import { BookingTransitionError } from "./state-machine.ts";

/**
 * What a host and a guest do to a booking: each locks it, lets the state machine decide, and
 * writes the change with its booking.transitioned event in one transaction. Money moves later,
 * in the workers, from that event.
 */

function assertHost(found: BookingWithListing, userId: string): void {
  if (found.listing.hostId !== userId) throw new AppError("FORBIDDEN", "Only the host can do this");
}

function assertGuest(found: BookingWithListing, userId: string): void {
  if (found.booking.guestId !== userId) throw new AppError("FORBIDDEN", "Only the guest can do this");
}

const requestExpired = () =>
  new AppError("CONFLICT", "This request has expired: the time to answer it is over");

/** requested → confirmed. The host must be able to receive payouts, and answer before the deadline. */
export async function acceptBookingRequest(
  db: Database,
  hostId: string,
  bookingId: string,
  now: Date,
): Promise<BookingWithListing> {
  return db.transaction(async (tx) => {
    const found = await lockBooking(tx, bookingId);
    assertHost(found, hostId);
    // pending_payment → confirmed is the payment's move (instant book), never the host's.
    if (found.booking.status !== "requested")
      throw new BookingTransitionError(found.booking.status, "confirmed");
    if (found.booking.respondBy && found.booking.respondBy <= now) {
      throw requestExpired();
    }
    if (!(await payoutsEnabled(tx, hostId))) {
      throw new AppError("FORBIDDEN", "Set up payouts before accepting requests: you could not be paid", {
        details: { reason: "payouts_not_enabled" },
      });
    }
    const booking = await transitionBooking(tx, found, "confirmed", now, { confirmedAt: now });
    return { ...found, booking };
  });
}

/** requested → declined. */
export async function declineBookingRequest(
  db: Database,
  hostId: string,
  bookingId: string,
  reason: string | undefined,
  now: Date,
): Promise<BookingWithListing> {
  return db.transaction(async (tx) => {
    const found = await lockBooking(tx, bookingId);
    assertHost(found, hostId);
    const booking = await transitionBooking(tx, found, "declined", now, {
      cancellationReason: reason ?? null,
    });
    return { ...found, booking };
  });
}

/** requested → withdrawn: the guest takes their request back before the host answers. */
export async function withdrawBookingRequest(
  db: Database,
  guestId: string,
  bookingId: string,
  now: Date,
): Promise<BookingWithListing> {
  return db.transaction(async (tx) => {
    const found = await lockBooking(tx, bookingId);
    assertGuest(found, guestId);
    const booking: Booking = await transitionBooking(tx, found, "withdrawn", now, {
      cancelledAt: now,
      cancelledBy: guestId,
    });
    return { ...found, booking };
  });
}
