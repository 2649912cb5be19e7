import { setListingCoverPhoto } from "@hometrip/core";
import { listingManagerProcedure } from "../../procedure-bases.ts";
import {
  setCoverPhotoMeta,
  ZSetCoverPhotoRequestSchema,
  ZSetCoverPhotoResponseSchema,
} from "./set-cover-photo.types.ts";

export const setCoverPhotoProcedure = listingManagerProcedure
  .meta(setCoverPhotoMeta)
  .input(ZSetCoverPhotoRequestSchema)
  .output(ZSetCoverPhotoResponseSchema)
  .mutation(
    async ({ ctx, input }) =>
      (await setListingCoverPhoto(ctx.services.db, ctx.actor, input.listingId, input.photoId)).value,
  );
