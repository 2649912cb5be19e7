import {
  AppError,
  type ListingPhotoView,
  MAX_PHOTOS_PER_LISTING,
  MIN_PHOTOS_TO_PUBLISH,
} from "@hometrip/contracts";
import { type Database, type Listing, listingPhotos, listingPhotoUrlPrefix, type Tx } from "@hometrip/db";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { recordEvent } from "../events/record-event.ts";
import { type ListingActor, lockListingForChange } from "./access.ts";
import type { ListingChange } from "./lifecycle.ts";
import { photosOf, toPhotoView } from "./listing-view.ts";

export { listingPhotoUrlPrefix };

type PhotoChange<T> = ListingChange<T> & { deletedKey?: string };

async function changePhotos<T>(
  db: Database,
  actor: ListingActor,
  listingId: string,
  change: (tx: Tx, listing: Listing) => Promise<T>,
): Promise<ListingChange<T>> {
  return db.transaction(async (tx) => {
    const listing = await lockListingForChange(tx, listingId, actor);
    const value = await change(tx, listing);
    const { id: eventId } = await recordEvent(tx, "listing.changed", {
      listingIds: [listingId],
      cause: "photos",
      searchVisible: listing.status === "published",
    });
    return { value, listingId, eventId, searchVisible: listing.status === "published" };
  });
}

/** Adds a stored photo at the end (the first one becomes the cover). */
export async function addListingPhoto(
  db: Database,
  actor: ListingActor,
  listingId: string,
  photo: { key: string; width: number; height: number },
): Promise<ListingChange<ListingPhotoView>> {
  return changePhotos(db, actor, listingId, async (tx) => {
    const count = (await photosOf(tx, listingId)).length;
    if (count >= MAX_PHOTOS_PER_LISTING) {
      throw new AppError("BAD_REQUEST", `A listing may have at most ${MAX_PHOTOS_PER_LISTING} photos`);
    }
    const [row] = await tx
      .insert(listingPhotos)
      .values({
        listingId,
        url: `${listingPhotoUrlPrefix}${photo.key}`,
        objectKey: photo.key,
        width: photo.width,
        height: photo.height,
        position: count,
      })
      .returning();
    if (!row) throw new Error("photo insert returned nothing");
    return toPhotoView(row);
  });
}

/** `photoIds` must name every photo of the listing exactly once; the first becomes the cover. */
export async function reorderListingPhotos(
  db: Database,
  actor: ListingActor,
  listingId: string,
  photoIds: string[],
): Promise<ListingChange<ListingPhotoView[]>> {
  return changePhotos(db, actor, listingId, async (tx) => {
    const current = await photosOf(tx, listingId);
    const known = new Set(current.map((p) => p.id));
    if (
      new Set(photoIds).size !== photoIds.length ||
      photoIds.length !== known.size ||
      !photoIds.every((id) => known.has(id))
    ) {
      throw new AppError("BAD_REQUEST", "List every photo of the listing exactly once", {
        details: { issues: [{ path: "photoIds", message: "Must be the listing's photo ids, each once" }] },
      });
    }
    return writePhotoOrder(tx, listingId, photoIds);
  });
}

export async function setListingCoverPhoto(
  db: Database,
  actor: ListingActor,
  listingId: string,
  photoId: string,
): Promise<ListingChange<ListingPhotoView[]>> {
  return changePhotos(db, actor, listingId, async (tx) => {
    const ids = (await photosOf(tx, listingId)).map((p) => p.id);
    if (!ids.includes(photoId)) throw photoNotFound();
    return writePhotoOrder(tx, listingId, [photoId, ...ids.filter((id) => id !== photoId)]);
  });
}

/** Removes the row; the caller deletes the stored object (`deletedKey`) once this committed. */
export async function deleteListingPhoto(
  db: Database,
  actor: ListingActor,
  listingId: string,
  photoId: string,
): Promise<PhotoChange<ListingPhotoView[]>> {
  let deletedKey: string | undefined;
  const change = await changePhotos(db, actor, listingId, async (tx, listing) => {
    const current = await photosOf(tx, listingId);
    const photo = current.find((p) => p.id === photoId);
    if (!photo) throw photoNotFound();
    if (listing.status === "published" && current.length <= MIN_PHOTOS_TO_PUBLISH) {
      throw new AppError(
        "BAD_REQUEST",
        `A published listing keeps at least ${MIN_PHOTOS_TO_PUBLISH} photos; add another or unlist it first`,
      );
    }
    await tx
      .delete(listingPhotos)
      .where(and(eq(listingPhotos.id, photoId), eq(listingPhotos.listingId, listingId)));
    // The demo seed's photos share their objects: those stay in the bucket.
    deletedKey = photo.objectKey ?? undefined;
    const rest = current.filter((p) => p.id !== photoId).map((p) => p.id);
    return writePhotoOrder(tx, listingId, rest);
  });
  return { ...change, deletedKey };
}

const photoNotFound = () => new AppError("NOT_FOUND", "No such photo on this listing");

/**
 * Positions are unique per listing and Postgres checks that row by row, so a swap in one UPDATE
 * would collide: move every photo out of the way first, then write the final positions.
 */
async function writePhotoOrder(tx: Tx, listingId: string, orderedIds: string[]): Promise<ListingPhotoView[]> {
  if (orderedIds.length > 0) {
    await tx
      .update(listingPhotos)
      .set({ position: sql`${listingPhotos.position} + ${MAX_PHOTOS_PER_LISTING * 2}` })
      .where(eq(listingPhotos.listingId, listingId));
    const cases: SQL[] = orderedIds.map((id, i) => sql`when ${id}::uuid then ${i}::int`);
    await tx
      .update(listingPhotos)
      .set({ position: sql`case ${listingPhotos.id} ${sql.join(cases, sql` `)} end` })
      .where(eq(listingPhotos.listingId, listingId));
  }
  return (await photosOf(tx, listingId)).map(toPhotoView);
}
