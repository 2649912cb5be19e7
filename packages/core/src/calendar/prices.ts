import { AppError } from "@hometrip/contracts";
import { addDays, daysBetween } from "@hometrip/contracts/dates";
import { type Database, priceOverrides } from "@hometrip/db";
import { and, eq, gte, lt } from "drizzle-orm";
import { recordEvent } from "../events/record-event.ts";
import { type CalendarActor, listingManagedBy } from "./access.ts";
import { refusePastNights } from "./past-nights.ts";

/** A year of nights, leap years included: enough for any season, small enough for one insert. */
export const MAX_PRICE_OVERRIDE_NIGHTS = 366;

function nightsOf(input: { from: string; to: string }): string[] {
  const span = daysBetween(input.from, input.to);
  if (span > MAX_PRICE_OVERRIDE_NIGHTS) {
    throw new AppError("BAD_REQUEST", `A price change covers at most ${MAX_PRICE_OVERRIDE_NIGHTS} nights`);
  }
  return Array.from({ length: span }, (_, i) => addDays(input.from, i));
}

/**
 * Sets the nightly price (minor units) of every night in [from, to), replacing the listing's base
 * price there. One transaction and one listing.changed event: either every night is priced or none.
 * The range may not start before today in the listing's zone.
 */
export async function setPriceOverrides(
  db: Database,
  actor: CalendarActor,
  input: { listingId: string; from: string; to: string; price: number },
  now: Date,
): Promise<{ nights: number; eventId: string }> {
  const nights = nightsOf(input);
  const listing = await listingManagedBy(db, input.listingId, actor);
  refusePastNights(input.from, listing, now, "priced");
  return db.transaction(async (tx) => {
    await tx
      .insert(priceOverrides)
      .values(nights.map((date) => ({ listingId: input.listingId, date, nightlyPrice: input.price })))
      .onConflictDoUpdate({
        target: [priceOverrides.listingId, priceOverrides.date],
        set: { nightlyPrice: input.price },
      });
    const { id } = await recordEvent(tx, "listing.changed", {
      listingIds: [input.listingId],
      cause: "pricing",
    });
    return { nights: nights.length, eventId: id };
  });
}

/**
 * Back to the base price on [from, to); no event when none of those nights had an override.
 * Past nights may be cleared: no stay starts before today, so their price is never charged, and
 * a range reaching back past today should not fail over nights that no longer matter.
 */
export async function clearPriceOverrides(
  db: Database,
  actor: CalendarActor,
  input: { listingId: string; from: string; to: string },
): Promise<{ removed: number; eventId: string | null }> {
  nightsOf(input);
  await listingManagedBy(db, input.listingId, actor);
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(priceOverrides)
      .where(
        and(
          eq(priceOverrides.listingId, input.listingId),
          gte(priceOverrides.date, input.from),
          lt(priceOverrides.date, input.to),
        ),
      )
      .returning({ date: priceOverrides.date });
    if (removed.length === 0) return { removed: 0, eventId: null };
    const { id } = await recordEvent(tx, "listing.changed", {
      listingIds: [input.listingId],
      cause: "pricing",
    });
    return { removed: removed.length, eventId: id };
  });
}

/** One date's price: the one-night range. */
export async function setPriceOverride(
  db: Database,
  actor: CalendarActor,
  input: { listingId: string; date: string; price: number },
  now: Date,
): Promise<{ eventId: string }> {
  const { eventId } = await setPriceOverrides(
    db,
    actor,
    { listingId: input.listingId, from: input.date, to: addDays(input.date, 1), price: input.price },
    now,
  );
  return { eventId };
}

/** Back to the base price for that date; `removed` is false when there was no override. */
export async function clearPriceOverride(
  db: Database,
  actor: CalendarActor,
  input: { listingId: string; date: string },
): Promise<{ removed: boolean; eventId: string | null }> {
  const { removed, eventId } = await clearPriceOverrides(db, actor, {
    listingId: input.listingId,
    from: input.date,
    to: addDays(input.date, 1),
  });
  return { removed: removed > 0, eventId };
}
