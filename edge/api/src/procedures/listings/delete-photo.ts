import { deleteListingPhoto } from "@hometrip/core";
import { listingPhotoBucket } from "../../listings/photo-bucket.ts";
import { listingManagerProcedure } from "../../procedure-bases.ts";
import { errorFields } from "../../services/logger.ts";
import {
  deletePhotoMeta,
  ZDeletePhotoRequestSchema,
  ZDeletePhotoResponseSchema,
} from "./delete-photo.types.ts";

/** The stored object goes only after the row is gone, so no listing ever points at a missing image. */
export const deletePhotoProcedure = listingManagerProcedure
  .meta(deletePhotoMeta)
  .input(ZDeletePhotoRequestSchema)
  .output(ZDeletePhotoResponseSchema)
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
    return change.value;
  });
