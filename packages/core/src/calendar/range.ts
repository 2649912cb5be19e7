import { AppError, type CalendarDay, type CalendarRange } from "@hometrip/contracts";
import { addDays, daysBetween } from "@hometrip/contracts/dates";
import { type DbOrTx, priceOverrides } from "@hometrip/db";
import { and, eq, gte, lt } from "drizzle-orm";
import { listingPricing, priceOfNight } from "../pricing/stay-price.ts";
import { type CalendarActor, listingManagedBy } from "./access.ts";
import { blockOrigin, icalFeedsByKey } from "./ical-sources.ts";
import { occupiedRanges } from "./occupancy.ts";

export const MAX_CALENDAR_DAYS = 400;

/**
 * The host's calendar for [from, to): each night's status, price (per-date override, else the
 * weekend price on Friday and Saturday nights when set, else the nightly price; what a quote
 * charges for that night) and what occupies it, with a block's source (the host, or which
 * imported feed).
 */
export async function listingCalendar(
  db: DbOrTx,
  actor: CalendarActor,
  input: { listingId: string; from: string; to: string },
): Promise<CalendarRange> {
  const span = daysBetween(input.from, input.to);
  if (span > MAX_CALENDAR_DAYS) {
    throw new AppError("BAD_REQUEST", `A calendar range covers at most ${MAX_CALENDAR_DAYS} days`);
  }
  const listing = await listingManagedBy(db, input.listingId, actor);
  const [occupied, overrides, feeds] = await Promise.all([
    occupiedRanges(db, input.listingId, input.from, input.to),
    db
      .select({ date: priceOverrides.date, price: priceOverrides.nightlyPrice })
      .from(priceOverrides)
      .where(
        and(
          eq(priceOverrides.listingId, input.listingId),
          gte(priceOverrides.date, input.from),
          lt(priceOverrides.date, input.to),
        ),
      ),
    icalFeedsByKey(db, input.listingId),
  ]);
  const overrideOf = new Map(overrides.map((o) => [o.date, o.price]));
  const pricing = listingPricing(listing);
  const days: CalendarDay[] = [];
  for (let i = 0; i < span; i++) {
    const date = addDays(input.from, i);
    const occupant = occupied.find((o) => o.from <= date && date < o.to);
    const override = overrideOf.get(date);
    const block = occupant?.blockId ? blockOrigin(occupant.blockNote, feeds) : null;
    days.push({
      date,
      status: occupant ? (occupant.bookingId ? "booked" : "blocked") : "available",
      price: priceOfNight(pricing, date, override).price,
      priceOverridden: override !== undefined,
      bookingId: occupant?.bookingId ?? null,
      blockId: occupant?.blockId ?? null,
      blockNote: block?.note ?? null,
      blockSource: block?.source ?? null,
    });
  }
  return {
    listingId: listing.id,
    currency: listing.currency,
    minNights: listing.minNights,
    maxNights: listing.maxNights,
    days,
  };
}
