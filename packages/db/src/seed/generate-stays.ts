import type {
  BookingStatus,
  NewBooking,
  NewListing,
  NewPayment,
  NewPayout,
  NewRefund,
  NewReview,
} from "../schema/index.ts";
import type { SeedCity } from "./cities.ts";
import { at, isoDay } from "./dates.ts";
import { FUTURE_DAYS, HISTORY_DAYS } from "./generate-listings.ts";
import { addReviews } from "./generate-reviews.ts";
import type { Rng } from "./prng.ts";

export const SERVICE_FEE_BPS = 1400;
export const HOST_FEE_BPS = 300;

export interface Stays {
  bookings: NewBooking[];
  payments: NewPayment[];
  refunds: NewRefund[];
  payouts: NewPayout[];
  reviews: NewReview[];
}

export interface StayPeople {
  guestIds: readonly string[];
  /** Guest given the first past and first future stay (demo account), or null. */
  featuredGuestId: string | null;
}

function statusFor(rng: Rng, today: number, checkIn: number, checkOut: number): BookingStatus {
  if (checkOut <= today) {
    return rng.weighted([
      ["completed", 85],
      ["cancelled_by_guest", 10],
      ["declined", 5],
    ] as const);
  }
  if (checkIn <= today) return "confirmed";
  return rng.weighted([
    ["confirmed", 75],
    ["requested", 12],
    ["cancelled_by_guest", 13],
  ] as const);
}

/**
 * Walks the listing's calendar from the past into the future, placing stays one after another
 * with gaps, so seeded bookings can never overlap (the exclusion constraint would refuse them).
 */
export function generateStays(
  rng: Rng,
  today: number,
  listing: NewListing,
  city: SeedCity,
  people: StayPeople,
): Stays {
  const out: Stays = { bookings: [], payments: [], refunds: [], payouts: [], reviews: [] };
  if (listing.status === "draft") return out;
  const horizon = listing.status === "published" ? today + FUTURE_DAYS : today;
  const minNights = listing.minNights ?? 1;
  const maxNights = Math.min(listing.maxNights ?? 365, minNights + 9);
  let cursor = today - HISTORY_DAYS + rng.int(0, 20);
  let featuredPast = people.featuredGuestId !== null;
  let featuredFuture = people.featuredGuestId !== null;

  for (;;) {
    const checkIn = cursor + rng.int(2, 40);
    const checkOut = checkIn + rng.int(minNights, maxNights);
    if (checkOut > horizon) break;
    cursor = checkOut;
    const status = statusFor(rng, today, checkIn, checkOut);
    let guestId = rng.pick(people.guestIds);
    const past = checkOut <= today;
    if (people.featuredGuestId && ((past && featuredPast) || (!past && featuredFuture))) {
      guestId = people.featuredGuestId;
      if (past) featuredPast = false;
      else featuredFuture = false;
    }
    addBooking(rng, today, listing, city, { guestId, checkIn, checkOut, status }, out);
  }
  return out;
}

function addBooking(
  rng: Rng,
  today: number,
  listing: NewListing,
  city: SeedCity,
  stay: { guestId: string; checkIn: number; checkOut: number; status: BookingStatus },
  out: Stays,
): void {
  const { checkIn, checkOut, status } = stay;
  const nights = checkOut - checkIn;
  const nightlySubtotal = listing.nightlyPrice * nights;
  const cleaningFee = listing.cleaningFee ?? 0;
  const serviceFee = Math.round((nightlySubtotal * SERVICE_FEE_BPS) / 10_000);
  const taxes = Math.round(((nightlySubtotal + cleaningFee) * city.taxBps) / 10_000);
  const total = nightlySubtotal + cleaningFee + serviceFee + taxes;
  const bookedDay = Math.min(checkIn - rng.int(3, 60), today - 1);
  const createdAt = at(bookedDay, rng.int(0, 1439));
  const cancelled = status === "cancelled_by_guest";
  const requested = status === "requested";
  const hostFee = Math.round((nightlySubtotal * HOST_FEE_BPS) / 10_000);
  const bookingId = rng.uuid();
  out.bookings.push({
    id: bookingId,
    listingId: listing.id as string,
    guestId: stay.guestId,
    status,
    checkIn: isoDay(checkIn),
    checkOut: isoDay(checkOut),
    guests: rng.int(1, listing.capacity),
    nightlySubtotal,
    cleaningFee,
    serviceFee,
    taxes,
    total,
    hostFee,
    currency: listing.currency,
    cancellationPolicy: listing.cancellationPolicy ?? "moderate",
    instantBook: listing.instantBook ?? false,
    // A seeded request is still open: the host has until tomorrow to answer it.
    respondBy: requested ? at(today + 1, 600) : null,
    refundAmount: cancelled ? total : null,
    idempotencyKey: `seed-${bookingId}`,
    confirmedAt: requested || status === "declined" ? null : at(bookedDay, 1439),
    cancelledAt: cancelled ? at(Math.min(bookedDay + rng.int(1, 20), today), 720) : null,
    cancelledBy: cancelled ? stay.guestId : null,
    cancellationReason: cancelled
      ? rng.pick(["Change of plans", "Travel dates moved", "Found another stay"])
      : null,
    statusChangedAt: createdAt,
    createdAt,
    updatedAt: createdAt,
  });
  if (status === "declined") return;

  const paymentId = rng.uuid();
  out.payments.push({
    id: paymentId,
    bookingId,
    amount: total,
    currency: listing.currency,
    status: requested ? "pending" : cancelled ? "refunded" : "succeeded",
    providerPaymentId: `pi_seed_${paymentId.replaceAll("-", "")}`,
    capturedAt: requested ? null : at(bookedDay, 1439),
    createdAt,
    updatedAt: createdAt,
  });
  if (cancelled) {
    out.refunds.push({
      id: rng.uuid(),
      paymentId,
      amount: total,
      currency: listing.currency,
      status: "succeeded",
      reason: "requested_by_customer",
      createdAt,
      updatedAt: createdAt,
    });
    return;
  }
  if (requested) return;

  const payoutDay = checkIn + 1;
  const paid = payoutDay <= today;
  const payoutId = rng.uuid();
  out.payouts.push({
    id: payoutId,
    hostId: listing.hostId,
    bookingId,
    amount: nightlySubtotal + cleaningFee - hostFee,
    currency: listing.currency,
    status: paid ? "paid" : "scheduled",
    scheduledFor: isoDay(payoutDay),
    paidAt: paid ? at(payoutDay, 600) : null,
    providerTransferId: paid ? `tr_seed_${payoutId.replaceAll("-", "")}` : null,
    createdAt,
    updatedAt: createdAt,
  });
  if (status === "completed")
    addReviews(rng, today, listing, { bookingId, guestId: stay.guestId, checkOut }, out);
}
