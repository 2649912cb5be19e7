import { AppError, type BookingStatus, type BookingView, MAX_PAYMENT_DECLINES } from "@hometrip/contracts";
import { type Booking, bookings, type DbOrTx, type Listing, listings, type Tx } from "@hometrip/db";
import { eq } from "drizzle-orm";
import { recordEvent } from "../events/record-event.ts";
import { assertTransition } from "./state-machine.ts";

/** A booking with the listing it is for (host, zone, check-in time, title). */
export interface BookingWithListing {
  booking: Booking;
  listing: Listing;
}

export const bookingNotFound = () => new AppError("NOT_FOUND", "No such booking");

export async function findBooking(db: DbOrTx, bookingId: string): Promise<BookingWithListing> {
  const [row] = await db
    .select({ booking: bookings, listing: listings })
    .from(bookings)
    .innerJoin(listings, eq(listings.id, bookings.listingId))
    .where(eq(bookings.id, bookingId));
  if (!row) throw bookingNotFound();
  return row;
}

/** The booking locked for the rest of the transaction, so two transitions of it run one after another. */
export async function lockBooking(tx: Tx, bookingId: string): Promise<BookingWithListing> {
  const [row] = await tx
    .select({ booking: bookings, listing: listings })
    .from(bookings)
    .innerJoin(listings, eq(listings.id, bookings.listingId))
    .where(eq(bookings.id, bookingId))
    .for("update", { of: bookings });
  if (!row) throw bookingNotFound();
  return row;
}

/**
 * Moves a locked booking to `to` through the state machine and records the one event every
 * transition writes, `booking.transitioned`, in the same transaction.
 */
export async function transitionBooking(
  tx: Tx,
  current: BookingWithListing,
  to: BookingStatus,
  now: Date,
  changes: Partial<Omit<Booking, "id" | "status">> = {},
): Promise<Booking> {
  const { booking, listing } = current;
  assertTransition(booking.status, to);
  const [row] = await tx
    .update(bookings)
    .set({ ...changes, status: to, statusChangedAt: now })
    .where(eq(bookings.id, booking.id))
    .returning();
  if (!row) throw bookingNotFound();
  await recordTransition(tx, row, listing.hostId, booking.status, now);
  return row;
}

export async function recordTransition(
  tx: DbOrTx,
  booking: Booking,
  hostId: string,
  from: BookingStatus | null,
  now: Date,
): Promise<void> {
  await recordEvent(tx, "booking.transitioned", {
    bookingId: booking.id,
    listingId: booking.listingId,
    guestId: booking.guestId,
    hostId,
    from,
    to: booking.status,
    checkIn: booking.checkIn,
    checkOut: booking.checkOut,
    total: booking.total,
    currency: booking.currency,
    at: now.toISOString(),
  });
}

/** What the API shows of a booking, to its guest and its host alike. */
export function toBookingView({ booking, listing }: BookingWithListing, now: Date): BookingView {
  const respondBy = booking.status === "requested" ? booking.respondBy : null;
  const unpaid = booking.status === "pending_payment" || booking.status === "payment_failed";
  return {
    id: booking.id,
    listingId: booking.listingId,
    listingTitle: listing.title,
    listingTimezone: listing.timezone,
    guestId: booking.guestId,
    hostId: listing.hostId,
    status: booking.status,
    checkIn: booking.checkIn,
    checkOut: booking.checkOut,
    guests: booking.guests,
    currency: booking.currency,
    total: booking.total,
    serviceFee: booking.serviceFee,
    taxes: booking.taxes,
    hostFee: booking.hostFee,
    lines: booking.priceLines,
    cancellationPolicy: booking.cancellationPolicy,
    instantBook: booking.instantBook,
    guestMessage: booking.guestMessage,
    expiresAt: booking.expiresAt?.toISOString() ?? null,
    respondBy: booking.respondBy?.toISOString() ?? null,
    secondsToRespond: respondBy
      ? Math.max(0, Math.floor((respondBy.getTime() - now.getTime()) / 1000))
      : null,
    refundAmount: booking.refundAmount,
    paymentDeclines: booking.paymentDeclines,
    lastPaymentError: unpaid ? booking.lastPaymentError : null,
    paymentAttemptsLeft:
      booking.status === "pending_payment"
        ? Math.max(0, MAX_PAYMENT_DECLINES - booking.paymentDeclines)
        : null,
    createdAt: booking.createdAt.toISOString(),
    statusChangedAt: booking.statusChangedAt.toISOString(),
  };
}
