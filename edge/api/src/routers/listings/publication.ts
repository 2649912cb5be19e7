import { zListing, zListingId } from "@hometrip/contracts";
import { publishListing, unlistListing } from "@hometrip/core";
import { hostProcedure } from "../../trpc.ts";
import { afterListingChange } from "./after-change.ts";

/** Draft or unlisted → published; BAD_REQUEST with one field issue per missing item otherwise. */
export const publishListingProcedure = hostProcedure
  .input(zListingId)
  .output(zListing)
  .mutation(async ({ ctx, input }) =>
    afterListingChange(
      ctx.services,
      await publishListing(ctx.services.db, ctx.actor, input.id, ctx.services.clock.now()),
    ),
  );

/** Published → unlisted (hidden from search); `listings.publish` brings it back. */
export const unlistListingProcedure = hostProcedure
  .input(zListingId)
  .output(zListing)
  .mutation(async ({ ctx, input }) =>
    afterListingChange(
      ctx.services,
      await unlistListing(ctx.services.db, ctx.actor, input.id, ctx.services.clock.now()),
    ),
  );
