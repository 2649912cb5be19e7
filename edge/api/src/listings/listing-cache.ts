import type { ListingView } from "@hometrip/contracts";
import { listingViewCache } from "@hometrip/core";
import type { CacheOutcome } from "@hometrip/kv";
import type { Services } from "../services/index.ts";
import { errorFields } from "../services/logger.ts";

/** Published listings look the same to everyone; kept briefly so an edit is not shown stale for long. */
export const publicListingCacheControl = "public, max-age=30, stale-while-revalidate=60";

/**
 * `listings.get` through the listing view cache (packages/core `listingViewCache`, invalidated by
 * the post-commit step for every `listing.changed` of the listing). Drafts and unlisted listings
 * are never stored (their answer depends on who asks). Redis failing is logged and the listing is
 * read from Postgres. In front of Redis, the isolate keeps a view it served for a few seconds
 * (`NearCache`): forgotten when this isolate commits a change to the listing, so only changes
 * committed elsewhere can show up to that long late, well within the `max-age=30` already allowed.
 */
export async function readListingThroughCache(
  services: Services,
  listingId: string,
  load: () => Promise<ListingView>,
): Promise<{ listing: ListingView; cache: CacheOutcome }> {
  const near = services.isolate.listingViews;
  const now = services.clock.now().getTime();
  const seen = near.get(listingId, now);
  if (seen) return { listing: seen, cache: "hit" };
  const { value, cache } = await listingViewCache(services.redis).read(listingId, "public", load, {
    storable: (listing) => listing.status === "published",
    defer: (task) => services.waitUntil(task),
    onError: (error) => services.logger.warn("listing cache unavailable", errorFields(error)),
  });
  // Only what Redis holds or just took is kept here: a bypass (Redis down) or an uncacheable view is not.
  if ((cache === "hit" || cache === "miss") && value.status === "published") near.set(listingId, value, now);
  return { listing: value, cache };
}
