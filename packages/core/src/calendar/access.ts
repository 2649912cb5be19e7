import { AppError, type UserRole } from "@hometrip/contracts";
import { type DbOrTx, type Listing, listings } from "@hometrip/db";
import { eq } from "drizzle-orm";
import { isActiveAdmin } from "../auth/roles.ts";

/** Who is asking; `role` comes from the token and an admin claim is re-checked in the database. */
export type CalendarActor = { userId: string; role: UserRole };

export async function findListing(db: DbOrTx, listingId: string): Promise<Listing> {
  const [listing] = await db.select().from(listings).where(eq(listings.id, listingId));
  if (!listing) throw new AppError("NOT_FOUND", "No such listing");
  return listing;
}

/** The owning host or an admin may manage a listing's calendar; anyone else gets 403. */
export async function listingManagedBy(
  db: DbOrTx,
  listingId: string,
  actor: CalendarActor,
): Promise<Listing> {
  const listing = await findListing(db, listingId);
  if (listing.hostId === actor.userId) return listing;
  if (actor.role === "admin" && (await isActiveAdmin(db, actor.userId))) return listing;
  throw new AppError("FORBIDDEN", "Only the listing's host can manage its calendar");
}

/** Postgres reports an exclusion-constraint violation as SQLSTATE 23P01; drizzle wraps it in `cause`. */
export function isOverlapViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    if ((e as { code?: unknown }).code === "23P01") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
