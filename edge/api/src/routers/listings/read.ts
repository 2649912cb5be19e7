import { zListing, zListingId, zListingList } from "@hometrip/contracts";
import { findVisibleListing, listHostListings } from "@hometrip/core";
import { hostProcedure, publicProcedure } from "../../trpc.ts";

/** Anyone may read a published listing; drafts and unlisted ones answer 404 except to their host or an admin. */
export const getListingProcedure = publicProcedure
  .input(zListingId)
  .output(zListing)
  .query(async ({ ctx, input }) => {
    const listing = await findVisibleListing(ctx.services.db, ctx.actor, input.id);
    // The answer depends on who asks, so no shared cache may keep it.
    ctx.resHeaders.set("Cache-Control", "private, no-store");
    return listing;
  });

/** The host's own listings in every status, for the host dashboard. */
export const myListingsProcedure = hostProcedure
  .output(zListingList)
  .query(async ({ ctx }) => listHostListings(ctx.services.db, ctx.actor.userId));
