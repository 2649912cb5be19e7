import type { ListingHostView, ListingPhotoView, ListingRatingView, ListingView } from "@hometrip/contracts";
import { type DbOrTx, type Listing, type ListingPhoto, listingPhotos, listings, users } from "@hometrip/db";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { missingForPublication } from "./completeness.ts";

export function toPhotoView(photo: ListingPhoto): ListingPhotoView {
  const { id, url, width, height, position, caption } = photo;
  return { id, url, width, height, position, caption };
}

const noRating: ListingRatingView = { average: null, count: 0 };

export function toListingView(
  listing: Listing,
  photos: ListingPhoto[],
  host: ListingHostView,
  rating: ListingRatingView = noRating,
): ListingView {
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
    host,
    rating,
    missingForPublish: missingForPublication(listing, photos.length).map((issue) => issue.path),
  };
}

export async function photosOf(db: DbOrTx, listingId: string): Promise<ListingPhoto[]> {
  return db
    .select()
    .from(listingPhotos)
    .where(eq(listingPhotos.listingId, listingId))
    .orderBy(asc(listingPhotos.position));
}

async function hostsOf(db: DbOrTx, hostIds: string[]): Promise<Map<string, ListingHostView>> {
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      avatarUrl: users.avatarUrl,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(inArray(users.id, [...new Set(hostIds)]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        displayName: r.displayName,
        avatarUrl: r.avatarUrl,
        memberSince: r.createdAt.toISOString(),
      },
    ]),
  );
}

/**
 * From listing_ratings, which triggers on reviews keep current (migration 0004). It is not in the
 * drizzle schema, hence plain SQL; a listing without a row has no reviews yet.
 */
async function ratingsOf(db: DbOrTx, listingIds: string[]): Promise<Map<string, ListingRatingView>> {
  const result = await db.execute<{ listing_id: string; rating_count: number; rating_avg: number }>(
    sql`select listing_id, rating_count, rating_avg from listing_ratings
        where listing_id in (${sql.join(
          listingIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
  return new Map(
    result.rows.map((r) => [
      r.listing_id,
      r.rating_count > 0
        ? { average: Math.round(r.rating_avg * 100) / 100, count: r.rating_count }
        : noRating,
    ]),
  );
}

function hostOrThrow(hosts: Map<string, ListingHostView>, listing: Listing): ListingHostView {
  const host = hosts.get(listing.hostId);
  if (!host) throw new Error(`host ${listing.hostId} of listing ${listing.id} not found`);
  return host;
}

export async function listingViewOf(db: DbOrTx, listing: Listing): Promise<ListingView> {
  // One after another: inside a Worker request each parallel query would open its own connection.
  const photos = await photosOf(db, listing.id);
  const hosts = await hostsOf(db, [listing.hostId]);
  const ratings = await ratingsOf(db, [listing.id]);
  return toListingView(listing, photos, hostOrThrow(hosts, listing), ratings.get(listing.id));
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
  const ids = rows.map((r) => r.id);
  const photos = await db
    .select()
    .from(listingPhotos)
    .where(inArray(listingPhotos.listingId, ids))
    .orderBy(asc(listingPhotos.position));
  const hosts = await hostsOf(db, [hostId]);
  const ratings = await ratingsOf(db, ids);
  return rows.map((row) =>
    toListingView(
      row,
      photos.filter((p) => p.listingId === row.id),
      hostOrThrow(hosts, row),
      ratings.get(row.id),
    ),
  );
}
