import type { ListingPhotoView, ListingView } from "@hometrip/contracts";
import { type DbOrTx, type Listing, type ListingPhoto, listingPhotos, listings } from "@hometrip/db";
import { asc, desc, eq, inArray } from "drizzle-orm";

export function toPhotoView(photo: ListingPhoto): ListingPhotoView {
  const { id, url, width, height, position, caption } = photo;
  return { id, url, width, height, position, caption };
}

export function toListingView(listing: Listing, photos: ListingPhoto[]): ListingView {
  const row = listing;
  return {
    ...row,
    // Postgres `time` reads back as HH:MM:SS; the API speaks HH:MM.
    checkInTime: row.checkInTime.slice(0, 5),
    checkOutTime: row.checkOutTime.slice(0, 5),
    cleaningFee: row.cleaningFee ?? 0,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    photos: photos.map(toPhotoView),
  };
}

export async function photosOf(db: DbOrTx, listingId: string): Promise<ListingPhoto[]> {
  return db
    .select()
    .from(listingPhotos)
    .where(eq(listingPhotos.listingId, listingId))
    .orderBy(asc(listingPhotos.position));
}

export async function listingViewOf(db: DbOrTx, listing: Listing): Promise<ListingView> {
  return toListingView(listing, await photosOf(db, listing.id));
}

/** Every listing of one host, newest first, whatever its status. */
export async function listHostListings(db: DbOrTx, hostId: string): Promise<ListingView[]> {
  const rows = await db
    .select()
    .from(listings)
    .where(eq(listings.hostId, hostId))
    .orderBy(desc(listings.createdAt))
    .limit(500);
  if (rows.length === 0) return [];
  const photos = await db
    .select()
    .from(listingPhotos)
    .where(
      inArray(
        listingPhotos.listingId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(listingPhotos.position));
  return rows.map((row) =>
    toListingView(
      row,
      photos.filter((p) => p.listingId === row.id),
    ),
  );
}
