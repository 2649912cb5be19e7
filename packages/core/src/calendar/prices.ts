import { type Database, priceOverrides } from "@hometrip/db";
import { and, eq } from "drizzle-orm";
import { recordEvent } from "../events/record-event.ts";
import { type CalendarActor, listingManagedBy } from "./access.ts";

/** Sets the nightly price of one date (minor units), replacing the listing's base price there. */
export async function setPriceOverride(
  db: Database,
  actor: CalendarActor,
  input: { listingId: string; date: string; price: number },
): Promise<{ eventId: string }> {
  await listingManagedBy(db, input.listingId, actor);
  return db.transaction(async (tx) => {
    await tx
      .insert(priceOverrides)
      .values({ listingId: input.listingId, date: input.date, nightlyPrice: input.price })
      .onConflictDoUpdate({
        target: [priceOverrides.listingId, priceOverrides.date],
        set: { nightlyPrice: input.price },
      });
    return recordEvent(tx, "listing.changed", { listingIds: [input.listingId], cause: "pricing" }).then(
      ({ id }) => ({ eventId: id }),
    );
  });
}

/** Back to the base price for that date; `removed` is false when there was no override. */
export async function clearPriceOverride(
  db: Database,
  actor: CalendarActor,
  input: { listingId: string; date: string },
): Promise<{ removed: boolean; eventId: string | null }> {
  await listingManagedBy(db, input.listingId, actor);
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(priceOverrides)
      .where(and(eq(priceOverrides.listingId, input.listingId), eq(priceOverrides.date, input.date)))
      .returning({ date: priceOverrides.date });
    if (removed.length === 0) return { removed: false, eventId: null };
    const { id } = await recordEvent(tx, "listing.changed", {
      listingIds: [input.listingId],
      cause: "pricing",
    });
    return { removed: true, eventId: id };
  });
}
