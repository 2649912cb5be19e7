import { updateListing } from "@hometrip/core";
import { listingByIdManagerProcedure } from "../../procedure-bases.ts";
import {
  updateListingMeta,
  ZUpdateListingRequestSchema,
  ZUpdateListingResponseSchema,
} from "./update.types.ts";

/** Partial: only the fields sent change. A published listing must stay complete. */
export const updateListingProcedure = listingByIdManagerProcedure
  .meta(updateListingMeta)
  .input(ZUpdateListingRequestSchema)
  .output(ZUpdateListingResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { db, clock } = ctx.services;
    return (await updateListing(db, ctx.actor, input.id, input.changes, clock.now())).value;
  });
