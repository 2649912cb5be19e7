import { AppError, type ListingAvailability } from "@hometrip/contracts";
import { addDays, todayIn } from "@hometrip/contracts/dates";
import type { DbOrTx } from "@hometrip/db";
import { findListing } from "./access.ts";
import { occupiedRanges } from "./occupancy.ts";

export const AVAILABILITY_DAYS = 366;

/**
 * What the public listing page shows: a year of occupied nights from today (in the listing's
 * zone), merged so back-to-back stays read as one range and nobody learns where a stay starts.
 */
export async function listingAvailability(
  db: DbOrTx,
  listingId: string,
  now: Date,
): Promise<ListingAvailability> {
  const listing = await findListing(db, listingId);
  if (listing.status !== "published") throw new AppError("NOT_FOUND", "No such listing");
  const from = todayIn(listing.timezone, now);
  const to = addDays(from, AVAILABILITY_DAYS);
  const unavailable: { from: string; to: string }[] = [];
  for (const range of await occupiedRanges(db, listingId, from, to)) {
    // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as text, Math.max would give NaN
    const start = range.from < from ? from : range.from;
    // biome-ignore lint/complexity/useMathMinMax: as above
    const end = range.to > to ? to : range.to;
    const last = unavailable.at(-1);
    if (last && last.to === start) last.to = end;
    else unavailable.push({ from: start, to: end });
  }
  return { listingId, from, to, minNights: listing.minNights, maxNights: listing.maxNights, unavailable };
}
