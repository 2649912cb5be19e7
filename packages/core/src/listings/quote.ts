import type { StayQuote, StayQuoteInput, StayUnavailableReason } from "@hometrip/contracts";
import { todayIn } from "@hometrip/contracts/dates";
import { type DbOrTx, type Listing, listings, priceOverrides } from "@hometrip/db";
import { and, eq, gte, lt } from "drizzle-orm";
import { occupiedRanges } from "../calendar/occupancy.ts";
import { listingPricing, priceStay } from "../pricing/stay-price.ts";
import { type ListingActor, listingNotFound, mayManage } from "./access.ts";

export interface StayQuoteResult {
  quote: StayQuote;
  /** Published listings' quotes are the same for everyone, so shared caches may keep them. */
  public: boolean;
}

/**
 * The price of a stay and whether it can be booked. Unbookable dates still get their price, with
 * the first reason that applies: in the past (the listing's "today"), taken by a booking or
 * block, shorter or longer than the listing allows, more guests than it sleeps.
 */
export async function quoteStay(
  db: DbOrTx,
  actor: ListingActor | null,
  input: StayQuoteInput,
  now: Date,
): Promise<StayQuoteResult> {
  const [listing] = await db.select().from(listings).where(eq(listings.id, input.listingId));
  if (!listing) throw listingNotFound();
  const published = listing.status === "published";
  if (!published && !(await mayManage(db, listing, actor))) throw listingNotFound();

  const overrides = await db
    .select({ date: priceOverrides.date, price: priceOverrides.nightlyPrice })
    .from(priceOverrides)
    .where(
      and(
        eq(priceOverrides.listingId, listing.id),
        gte(priceOverrides.date, input.checkIn),
        lt(priceOverrides.date, input.checkOut),
      ),
    );
  const occupied = await occupiedRanges(db, listing.id, input.checkIn, input.checkOut);
  const stay = priceStay(
    listingPricing(listing),
    input.checkIn,
    input.checkOut,
    new Map(overrides.map((o) => [o.date, o.price])),
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
      ...stay,
    },
    public: published,
  };
}

function whyUnbookable(
  listing: Listing,
  input: StayQuoteInput,
  nights: number,
  taken: boolean,
  now: Date,
): StayUnavailableReason | null {
  if (input.checkIn < todayIn(listing.timezone, now)) return "in_the_past";
  if (taken) return "dates_taken";
  if (nights < listing.minNights) return "min_nights";
  if (nights > listing.maxNights) return "max_nights";
  if (input.guests !== undefined && input.guests > listing.capacity) return "too_many_guests";
  return null;
}
