import { unlistListing } from "@hometrip/core";
import { listingByIdManagerProcedure } from "../../procedure-bases.ts";
import {
  unlistListingMeta,
  ZUnlistListingRequestSchema,
  ZUnlistListingResponseSchema,
} from "./unlist.types.ts";

/** Published → unlisted (hidden from search); `listings.publish` brings it back. */
export const unlistListingProcedure = listingByIdManagerProcedure
  .meta(unlistListingMeta)
  .input(ZUnlistListingRequestSchema)
  .output(ZUnlistListingResponseSchema)
  .mutation(
    async ({ ctx, input }) =>
      (await unlistListing(ctx.services.db, ctx.actor, input.id, ctx.services.clock.now())).value,
  );
