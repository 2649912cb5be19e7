import { calendarBlocks, type DbOrTx, listingOccupancy } from "@hometrip/db";
import { and, asc, eq, gt, lt } from "drizzle-orm";

export type OccupiedRange = {
  from: string;
  to: string;
  bookingId: string | null;
  blockId: string | null;
  blockNote: string | null;
};

/** Bookings that hold dates and blocks overlapping [from, to), in date order (they never overlap). */
export async function occupiedRanges(
  db: DbOrTx,
  listingId: string,
  from: string,
  to: string,
): Promise<OccupiedRange[]> {
  return db
    .select({
      from: listingOccupancy.checkIn,
      to: listingOccupancy.checkOut,
      bookingId: listingOccupancy.bookingId,
      blockId: listingOccupancy.calendarBlockId,
      blockNote: calendarBlocks.note,
    })
    .from(listingOccupancy)
    .leftJoin(calendarBlocks, eq(calendarBlocks.id, listingOccupancy.calendarBlockId))
    .where(
      and(
        eq(listingOccupancy.listingId, listingId),
        lt(listingOccupancy.checkIn, to),
        gt(listingOccupancy.checkOut, from),
      ),
    )
    .orderBy(asc(listingOccupancy.checkIn));
}
