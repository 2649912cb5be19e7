import type { StayQuote, StayQuoteInput, StayUnavailableReason } from "@hometrip/contracts";
import { addDays, todayIn } from "@hometrip/contracts/dates";
import { bookings, type DbOrTx, type Listing, listings, priceOverrides } from "@hometrip/db";
import { and, eq, gte, inArray, lt } from "drizzle-orm";
import { occupiedRanges } from "../calendar/occupancy.ts";
import { type BookingPrice, priceBooking } from "../pricing/booking-price.ts";
import { listingPricing, priceStay, type StayPrice } from "../pricing/stay-price.ts";
import { type ListingActor, listingNotFound, mayManage } from "./access.ts";

export interface StayQuoteResult {
  quote: StayQuote;
  /** Published listings' quotes are the same for everyone, so shared caches may keep them. */
  public: boolean;
  /** The platform's fee on the host's share; a booking quote's token binds it. */
  hostFee: number;
}

/**
 * The price of a stay and whether it can be booked. Unbookable dates still get their price, with
 * the first reason that applies: in the past (the listing's "today"), inside the listing's lead time, taken by a booking or
 * block, shorter or longer than the listing allows, more guests than it sleeps.
 */
export async function quoteStay(
  db: DbOrTx,
  actor: ListingActor | null,
  input: StayQuoteInput,
  now: Date,
  /**
   * A guest whose own unpaid hold of exactly these dates does not count as taken: back at checkout
   * after a declined card (or a reload), they pay for that booking, not against it.
   */
  opts: { heldBy?: string } = {},
): Promise<StayQuoteResult> {
  const [listing] = await db.select().from(listings).where(eq(listings.id, input.listingId));
  if (!listing) throw listingNotFound();
  const published = listing.status === "published";
  if (!published && !(await mayManage(db, listing, actor))) throw listingNotFound();

  let occupied = await occupiedRanges(db, listing.id, input.checkIn, input.checkOut);
  if (opts.heldBy && occupied.length > 0) occupied = await withoutOwnHold(db, occupied, opts.heldBy, input);
  const { stay, price } = await priceListingStay(
    db,
    listing,
    input.checkIn,
    input.checkOut,
    input.guests ?? 1,
  );
  const unavailableReason = whyUnbookable(listing, input, stay.nights, occupied.length > 0, now);
  return {
    quote: {
      listingId: listing.id,
      checkIn: input.checkIn,
      checkOut: input.checkOut,
      currency: listing.currency,
      available: unavailableReason === null,
      unavailableReason,
      minNights: listing.minNights,
      maxNights: listing.maxNights,
      leadTimeDays: listing.leadTimeDays,
      ...stay,
      serviceFee: price.serviceFee,
      taxes: price.taxes,
      taxTotal: price.taxTotal,
      guestTotal: price.guestTotal,
      lines: price.lines,
    },
    public: published,
    hostFee: price.hostFee,
  };
}

/**
 * The one pricing of a stay on a listing: per-night prices (overrides, weekend, nightly), the
 * length-of-stay discount, the cleaning fee, then fees and taxes (pricing/booking-price.ts).
 * listings.quote, bookings.quote and bookings.create all price through here.
 */
export async function priceListingStay(
  db: DbOrTx,
  listing: Listing,
  checkIn: string,
  checkOut: string,
  guests: number,
): Promise<{ stay: StayPrice; price: BookingPrice }> {
  const overrides = await db
    .select({ date: priceOverrides.date, price: priceOverrides.nightlyPrice })
    .from(priceOverrides)
    .where(
      and(
        eq(priceOverrides.listingId, listing.id),
        gte(priceOverrides.date, checkIn),
        lt(priceOverrides.date, checkOut),
      ),
    );
  const stay = priceStay(
    listingPricing(listing),
    checkIn,
    checkOut,
    new Map(overrides.map((o) => [o.date, o.price])),
  );
  const price = priceBooking(
    stay,
    { country: listing.country, city: listing.city, currency: listing.currency },
    guests,
  );
  return { stay, price };
}

export function whyUnbookable(
  listing: Listing,
  input: StayQuoteInput,
  nights: number,
  taken: boolean,
  now: Date,
): StayUnavailableReason | null {
  const today = todayIn(listing.timezone, now);
  if (input.checkIn < today) return "in_the_past";
  if (input.checkIn < addDays(today, listing.leadTimeDays)) return "lead_time";
  if (taken) return "dates_taken";
  if (nights < listing.minNights) return "min_nights";
  if (nights > listing.maxNights) return "max_nights";
  if (input.guests !== undefined && input.guests > listing.capacity) return "too_many_guests";
  return null;
}

async function withoutOwnHold<T extends { bookingId: string | null }>(
  db: DbOrTx,
  occupied: T[],
  guestId: string,
  input: StayQuoteInput,
): Promise<T[]> {
  const ids = occupied.flatMap((o) => (o.bookingId ? [o.bookingId] : []));
  if (ids.length === 0) return occupied;
  const own = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        inArray(bookings.id, ids),
        eq(bookings.guestId, guestId),
        eq(bookings.status, "pending_payment"),
        eq(bookings.checkIn, input.checkIn),
        eq(bookings.checkOut, input.checkOut),
      ),
    );
  const ownIds = new Set(own.map((b) => b.id));
  return occupied.filter((o) => !(o.bookingId && ownIds.has(o.bookingId)));
}
