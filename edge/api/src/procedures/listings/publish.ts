import { publishListing } from "@hometrip/core";
import { listingByIdManagerProcedure } from "../../procedure-bases.ts";
import {
  publishListingMeta,
  ZPublishListingRequestSchema,
  ZPublishListingResponseSchema,
} from "./publish.types.ts";

/** Draft or unlisted → published; BAD_REQUEST with one field issue per missing item otherwise. */
export const publishListingProcedure = listingByIdManagerProcedure
  .meta(publishListingMeta)
  .input(ZPublishListingRequestSchema)
  .output(ZPublishListingResponseSchema)
  .mutation(
    async ({ ctx, input }) =>
      (await publishListing(ctx.services.db, ctx.actor, input.id, ctx.services.clock.now())).value,
  );
