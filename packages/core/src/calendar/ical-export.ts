import { addDays, todayIn } from "@hometrip/contracts/dates";
import type { DbOrTx } from "@hometrip/db";
import { findListing } from "./access.ts";
import { type IcalExportEvent, renderIcalFeed } from "./ical-format.ts";
import { occupiedRanges } from "./occupancy.ts";

/**
 * The listing's .ics feed for other platforms: every booking and block from 30 days ago on (a
 * past stay is of no use to a sync). UIDs are the row ids, so a calendar client sees the same
 * event across refreshes. Guests' names never appear; a booking reads "Reserved".
 */
export async function listingIcalFeed(db: DbOrTx, listingId: string, now: Date): Promise<string> {
  const listing = await findListing(db, listingId);
  const from = addDays(todayIn("UTC", now), -30);
  const to = addDays(from, 3 * 366);
  const events: IcalExportEvent[] = (await occupiedRanges(db, listingId, from, to)).map((r) => ({
    uid: r.bookingId ? `booking-${r.bookingId}@hometrip` : `block-${r.blockId}@hometrip`,
    from: r.from,
    to: r.to,
    summary: r.bookingId ? "Reserved" : "Not available",
  }));
  return renderIcalFeed({ name: `HomeTrip – ${listing.title}`, events, now });
}
