import type { ListingView } from "@hometrip/contracts";
import { type DbOrTx, listings } from "@hometrip/db";
import { eq } from "drizzle-orm";
import { type ListingActor, listingNotFound, mayManage } from "./access.ts";
import { listingViewOf } from "./listing-view.ts";

/** Published listings are public; drafts and unlisted ones only to their host and admins. */
export async function findVisibleListing(
  db: DbOrTx,
  actor: ListingActor | null,
  listingId: string,
): Promise<ListingView> {
  const [listing] = await db.select().from(listings).where(eq(listings.id, listingId));
  if (!listing) throw listingNotFound();
  if (listing.status !== "published" && !(await mayManage(db, listing, actor))) throw listingNotFound();
  return listingViewOf(db, listing);
}
