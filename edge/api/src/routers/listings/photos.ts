import { zListingPhotoInput, zListingPhotos, zReorderPhotosInput } from "@hometrip/contracts";
import { deleteListingPhoto, reorderListingPhotos, setListingCoverPhoto } from "@hometrip/core";
import { errorFields } from "../../services/logger.ts";
import { hostProcedure } from "../../trpc.ts";
import { afterListingChange } from "./after-change.ts";
import { listingPhotoBucket } from "./photo-bucket.ts";

/** Uploads go through PUT /listings/:id/photos (raw bytes); these manage what is stored. */
export const reorderPhotosProcedure = hostProcedure
  .input(zReorderPhotosInput)
  .output(zListingPhotos)
  .mutation(async ({ ctx, input }) =>
    afterListingChange(
      ctx.services,
      await reorderListingPhotos(ctx.services.db, ctx.actor, input.listingId, input.photoIds),
    ),
  );

export const setCoverPhotoProcedure = hostProcedure
  .input(zListingPhotoInput)
  .output(zListingPhotos)
  .mutation(async ({ ctx, input }) =>
    afterListingChange(
      ctx.services,
      await setListingCoverPhoto(ctx.services.db, ctx.actor, input.listingId, input.photoId),
    ),
  );

/** The stored object goes only after the row is gone, so no listing ever points at a missing image. */
export const deletePhotoProcedure = hostProcedure
  .input(zListingPhotoInput)
  .output(zListingPhotos)
  .mutation(async ({ ctx, input }) => {
    const change = await deleteListingPhoto(ctx.services.db, ctx.actor, input.listingId, input.photoId);
    if (change.deletedKey) {
      await listingPhotoBucket(ctx.listingPhotos)
        .delete(change.deletedKey)
        .catch((error: unknown) => {
          ctx.services.logger.warn("listing photo object not deleted", {
            key: change.deletedKey,
            ...errorFields(error),
          });
        });
    }
    return afterListingChange(ctx.services, change);
  });
