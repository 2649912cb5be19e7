import { findVisibleListing } from "@hometrip/core";
import { publicListingCacheControl, readListingThroughCache } from "../../listings/listing-cache.ts";
import { publicProcedure } from "../../trpc.ts";
import { getListingMeta, ZGetListingRequestSchema, ZGetListingResponseSchema } from "./get.types.ts";

/**
 * Anyone may read a published listing, served from the Redis cache of public views; drafts and
 * unlisted ones answer 404 except to their host or an admin, and are never cached.
 */
export const getListingProcedure = publicProcedure
  .meta(getListingMeta)
  .input(ZGetListingRequestSchema)
  .output(ZGetListingResponseSchema)
  .query(async ({ ctx, input }) => {
    // Until the answer is known to be a published listing (a 404 included), nothing may keep it.
    ctx.resHeaders.set("Cache-Control", "private, no-store");
    const { listing, cache } = await readListingThroughCache(ctx.services, input.id, () =>
      findVisibleListing(ctx.services.db, ctx.actor, input.id),
    );
    // Signed-in callers stay private too: the host's editor reads its own listing right after a
    // save, and a browser-cached copy would hide the edit.
    if (listing.status === "published" && !ctx.actor) {
      ctx.resHeaders.set("Cache-Control", publicListingCacheControl);
    }
    ctx.resHeaders.set("X-Listing-Cache", cache);
    return listing;
  });
