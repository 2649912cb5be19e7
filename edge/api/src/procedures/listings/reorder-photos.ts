import { reorderListingPhotos } from "@hometrip/core";
import { listingManagerProcedure } from "../../procedure-bases.ts";
import {
  reorderPhotosMeta,
  ZReorderPhotosRequestSchema,
  ZReorderPhotosResponseSchema,
} from "./reorder-photos.types.ts";

/** Uploads go through PUT /listings/:id/photos (raw bytes); this orders what is stored. */
export const reorderPhotosProcedure = listingManagerProcedure
  .meta(reorderPhotosMeta)
  .input(ZReorderPhotosRequestSchema)
  .output(ZReorderPhotosResponseSchema)
  .mutation(
    async ({ ctx, input }) =>
      (await reorderListingPhotos(ctx.services.db, ctx.actor, input.listingId, input.photoIds)).value,
  );
