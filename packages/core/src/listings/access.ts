import { AppError } from "@hometrip/contracts";
import { type DbOrTx, type Listing, listings, type Tx } from "@hometrip/db";
import { eq } from "drizzle-orm";
import { isActiveAdmin } from "../auth/roles.ts";

/** Who is asking; the admin role is re-read from the database, never trusted from a token. */
export interface ListingActor {
  userId: string;
}

export const listingNotFound = () => new AppError("NOT_FOUND", "No such listing");

/**
 * Locks the listing row for the rest of the transaction, so concurrent edits and photo uploads
 * to one listing run one after another. Drafts of other hosts answer "not found", so their ids
 * reveal nothing; a published listing is public anyway, so changing it answers "forbidden".
 */
export async function lockListingForChange(tx: Tx, listingId: string, actor: ListingActor): Promise<Listing> {
  const [listing] = await tx.select().from(listings).where(eq(listings.id, listingId)).for("update");
  if (!listing) throw listingNotFound();
  if (await mayManage(tx, listing, actor)) return listing;
  if (listing.status === "published")
    throw new AppError("FORBIDDEN", "Only the listing's host can change it");
  throw listingNotFound();
}

export async function mayManage(db: DbOrTx, listing: Listing, actor: ListingActor | null): Promise<boolean> {
  if (!actor) return false;
  return listing.hostId === actor.userId || isActiveAdmin(db, actor.userId);
}
