import { AppError, type CalendarBlockView } from "@hometrip/contracts";
import { type CalendarBlock, calendarBlocks, type Database } from "@hometrip/db";
import { eq } from "drizzle-orm";
import { recordEvent } from "../events/record-event.ts";
import { type CalendarActor, isOverlapViolation, listingManagedBy } from "./access.ts";
import { blockOrigin, type IcalFeedsByKey, icalFeedsByKey } from "./ical-sources.ts";
import { refusePastNights } from "./past-nights.ts";

const noFeeds: IcalFeedsByKey = new Map();

export const toBlockView = (b: CalendarBlock, feeds: IcalFeedsByKey = noFeeds): CalendarBlockView => ({
  id: b.id,
  listingId: b.listingId,
  from: b.checkIn,
  to: b.checkOut,
  ...blockOrigin(b.note, feeds),
});

const overlapMessage =
  "Those dates overlap a booking or another block on this listing; unblock or pick other dates";

/**
 * Closes [from, to) on the listing, starting today at the earliest in the listing's zone. The
 * occupancy exclusion constraint is the referee, so two concurrent requests can never both win;
 * its 23P01 becomes a CONFLICT the host can act on.
 */
export async function blockDates(
  db: Database,
  actor: CalendarActor,
  input: { listingId: string; from: string; to: string; note?: string },
  now: Date,
): Promise<{ block: CalendarBlockView; eventId: string }> {
  const listing = await listingManagedBy(db, input.listingId, actor);
  refusePastNights(input.from, listing, now, "blocked");
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(calendarBlocks)
        .values({
          listingId: input.listingId,
          checkIn: input.from,
          checkOut: input.to,
          note: input.note || null,
          createdBy: actor.userId,
        })
        .returning();
      if (!row) throw new Error("block insert returned nothing");
      const { id } = await recordEvent(tx, "listing.changed", {
        listingIds: [input.listingId],
        cause: "calendar",
      });
      return { block: toBlockView(row), eventId: id };
    });
  } catch (error) {
    if (isOverlapViolation(error)) throw new AppError("CONFLICT", overlapMessage, { cause: error });
    throw error;
  }
}

/**
 * Removes a whole block whatever its dates. A block begun in the past may still hold tonight or
 * later, and freeing its past nights opens nothing a guest could book (no stay starts before today).
 */
export async function unblockDates(
  db: Database,
  actor: CalendarActor,
  blockId: string,
): Promise<{ block: CalendarBlockView; eventId: string }> {
  const [block] = await db.select().from(calendarBlocks).where(eq(calendarBlocks.id, blockId));
  if (!block) throw new AppError("NOT_FOUND", "No such block");
  await listingManagedBy(db, block.listingId, actor);
  const feeds = await icalFeedsByKey(db, block.listingId);
  return db.transaction(async (tx) => {
    // The occupancy row goes with it (foreign key on delete cascade).
    await tx.delete(calendarBlocks).where(eq(calendarBlocks.id, blockId));
    const { id } = await recordEvent(tx, "listing.changed", {
      listingIds: [block.listingId],
      cause: "calendar",
    });
    return { block: toBlockView(block, feeds), eventId: id };
  });
}
