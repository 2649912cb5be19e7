import {
  AppError,
  type CreateBookingInput,
  PAYMENT_HOLD_MINUTES,
  type StayUnavailableReason,
} from "@hometrip/contracts";
import {
  type Booking,
  bookings,
  type Database,
  type HttpSql,
  hostProfiles,
  listingOccupancy,
  listings,
} from "@hometrip/db";
import { and, eq, sql } from "drizzle-orm";
import type { SigningKey } from "../auth/signed-jwt.ts";
import { isOverlapViolation } from "../calendar/access.ts";
import { priceListingStay, whyUnbookable } from "../listings/quote.ts";
import { type BookingWithListing, recordTransition } from "./booking-record.ts";
import { type QuoteClaims, quoteInvalid, verifyQuote } from "./quote-token.ts";

export const datesJustTaken = () =>
  new AppError("CONFLICT", "Those dates were just taken by another booking: please pick other dates", {
    details: { reason: "dates_taken" },
  });

const priceChanged = () =>
  new AppError("CONFLICT", "The price of this stay has changed since your quote: get a new quote", {
    details: { reason: "price_changed", requote: true },
  });

const unbookable: Record<Exclude<StayUnavailableReason, "dates_taken">, string> = {
  in_the_past: "Check-in cannot be in the past",
  lead_time: "This home needs more notice before check-in",
  min_nights: "This stay is shorter than the home's minimum",
  max_nights: "This stay is longer than the home's maximum",
  too_many_guests: "This home does not sleep that many guests",
};

export interface CreatedBooking extends BookingWithListing {
  /** false when the idempotency key named a booking made earlier (a retried click). */
  created: boolean;
}

/**
 * Books the stay a signed quote names, for exactly its amounts: a `pending_payment` hold on the
 * dates for PAYMENT_HOLD_MINUTES. The same idempotency key returns the same booking. The checks
 * here answer early with a clear reason; the exclusion constraint on listing_occupancy stays the
 * final guard, and its 23P01 rolls the whole transaction back into a CONFLICT.
 */
export async function createBooking(
  db: Database,
  keys: readonly SigningKey[],
  guestId: string,
  input: CreateBookingInput,
  now: Date,
  /** One-shot reads over Neon's SQL-over-HTTP endpoint, when the runtime has one (see below). */
  httpSql: HttpSql | null = null,
): Promise<CreatedBooking> {
  // The early read also says whether the key is known; when it is not, a twin committing from
  // here on is still found: by the taken-dates path or by the insert's violation (below).
  const keyKnown = httpSql ? await refuseTakenDatesEarly(httpSql, keys, guestId, input) : true;
  const earlier = keyKnown ? await bookingByKey(db, guestId, input.idempotencyKey) : null;
  if (earlier) return sameRequest(earlier, await verifyQuote(keys, input.quoteToken, null));

  const claims = await verifyQuote(keys, input.quoteToken, now);
  if (claims.guestId !== guestId) throw quoteInvalid();
  if (claims.guests !== input.guests) {
    throw new AppError("BAD_REQUEST", "The number of guests differs from your quote: get a new quote", {
      details: { reason: "guests_changed", requote: true },
    });
  }
  // Every check reads outside the transaction, which then holds its connection only for the two
  // inserts. One read: the listing, whether its host can be paid, and whether the stay is taken.
  const [row] = await db
    .select({
      listing: listings,
      payoutsEnabled: hostProfiles.payoutsEnabled,
      taken: sql<boolean>`exists (select 1 from ${listingOccupancy}
        where ${listingOccupancy.listingId} = ${listings.id}
          and ${listingOccupancy.checkIn} < ${claims.checkOut}
          and ${listingOccupancy.checkOut} > ${claims.checkIn})`,
    })
    .from(listings)
    .leftJoin(hostProfiles, eq(hostProfiles.userId, listings.hostId))
    .where(eq(listings.id, claims.listingId));
  const listing = row?.listing;
  if (listing?.status !== "published") {
    throw new AppError("CONFLICT", "This home is not taking bookings right now");
  }
  if (listing.hostId === guestId) throw new AppError("FORBIDDEN", "You cannot book your own home");
  if (row?.taken) return sameKeyOrTaken(db, guestId, input.idempotencyKey, claims);
  const { stay, price } = await priceListingStay(db, listing, claims.checkIn, claims.checkOut, claims.guests);
  const reason = whyUnbookable(listing, claims, stay.nights, false, now);
  if (reason === "dates_taken") return sameKeyOrTaken(db, guestId, input.idempotencyKey, claims);
  if (reason) throw new AppError("BAD_REQUEST", unbookable[reason], { details: { reason } });
  if (
    price.guestTotal !== claims.guestTotal ||
    price.hostFee !== claims.hostFee ||
    listing.currency !== claims.currency
  ) {
    throw priceChanged();
  }
  // Instant book needs payouts; a host whose payouts were switched off since takes requests.
  const instantBook = listing.instantBook && row?.payoutsEnabled === true;
  try {
    return await db.transaction(async (tx) => {
      const [booking] = await tx
        .insert(bookings)
        .values({
          listingId: listing.id,
          guestId,
          status: "pending_payment",
          checkIn: claims.checkIn,
          checkOut: claims.checkOut,
          guests: claims.guests,
          nightlySubtotal: stay.nightsSubtotal - (stay.discount?.amount ?? 0),
          cleaningFee: stay.cleaningFee,
          serviceFee: price.serviceFee,
          taxes: price.taxTotal,
          total: price.guestTotal,
          hostFee: price.hostFee,
          currency: listing.currency,
          priceLines: price.lines,
          cancellationPolicy: listing.cancellationPolicy,
          instantBook,
          expiresAt: new Date(now.getTime() + PAYMENT_HOLD_MINUTES * 60_000),
          idempotencyKey: input.idempotencyKey,
          guestMessage: input.message || null,
          statusChangedAt: now,
        })
        .returning();
      if (!booking) throw new Error("booking insert returned no row");
      await recordTransition(tx, booking, listing.hostId, null, now);
      return { booking, listing, created: true };
    });
  } catch (error) {
    if (isOverlapViolation(error) || isUniqueViolation(error)) {
      // The same key raced itself (a double click): whichever of its calls won, its booking is
      // the answer (the loser may see the overlap before the unique key).
      const raced = await bookingByKey(db, guestId, input.idempotencyKey);
      if (raced) return sameRequest(raced, claims);
    }
    if (isOverlapViolation(error)) throw datesJustTaken();
    throw error;
  }
}

/**
 * In a burst for the same dates almost every caller has lost before it starts. One statement over
 * the SQL-over-HTTP endpoint (warm connections, no WebSocket, no new backend) tells them so
 * without opening a database connection. A booking made earlier with the same key skips this:
 * a retry must get its booking back, not a conflict. Answers whether such a booking exists.
 */
async function refuseTakenDatesEarly(
  httpSql: HttpSql,
  keys: readonly SigningKey[],
  guestId: string,
  input: CreateBookingInput,
): Promise<boolean> {
  const claims = await verifyQuote(keys, input.quoteToken, null);
  const { rows } = await httpSql.query(
    `select exists (select 1 from listing_occupancy o
                    where o.listing_id = $1 and o.check_in < $3 and o.check_out > $2) as taken,
            exists (select 1 from bookings b where b.guest_id = $4 and b.idempotency_key = $5) as known`,
    [claims.listingId, claims.checkIn, claims.checkOut, guestId, input.idempotencyKey],
  );
  if (rows[0]?.taken === true && rows[0]?.known === false) throw datesJustTaken();
  return rows[0]?.known !== false;
}

/** Whether the host can be paid (Stripe Connect onboarding done): instant book and accepting need it. */
export async function payoutsEnabled(db: Pick<Database, "select">, hostId: string): Promise<boolean> {
  const [profile] = await db
    .select({ payoutsEnabled: hostProfiles.payoutsEnabled })
    .from(hostProfiles)
    .where(eq(hostProfiles.userId, hostId));
  return profile?.payoutsEnabled ?? false;
}

/**
 * The dates are taken: by this very request's twin (a double click whose other call committed
 * between our key lookup and this read), whose booking is then the answer, or by someone else.
 */
async function sameKeyOrTaken(
  db: Database,
  guestId: string,
  key: string,
  claims: QuoteClaims,
): Promise<CreatedBooking> {
  const raced = await bookingByKey(db, guestId, key);
  if (raced) return sameRequest(raced, claims);
  throw datesJustTaken();
}

async function bookingByKey(db: Database, guestId: string, key: string): Promise<BookingWithListing | null> {
  const [row] = await db
    .select({ booking: bookings, listing: listings })
    .from(bookings)
    .innerJoin(listings, eq(listings.id, bookings.listingId))
    .where(and(eq(bookings.guestId, guestId), eq(bookings.idempotencyKey, key)));
  return row ?? null;
}

function sameRequest(earlier: BookingWithListing, claims: QuoteClaims): CreatedBooking {
  const { booking } = earlier;
  if (!sameStay(booking, claims)) {
    throw new AppError("CONFLICT", "This idempotency key was already used for another booking", {
      details: { reason: "idempotency_key_reused" },
    });
  }
  return { ...earlier, created: false };
}

const sameStay = (booking: Booking, claims: QuoteClaims) =>
  booking.listingId === claims.listingId &&
  booking.checkIn === claims.checkIn &&
  booking.checkOut === claims.checkOut &&
  booking.guests === claims.guests &&
  booking.guestId === claims.guestId;

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
