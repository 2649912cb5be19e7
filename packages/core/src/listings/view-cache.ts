import type { ListingView } from "@hometrip/contracts";
import { type Redis, versionedCache } from "@hometrip/kv";

/**
 * Backstop only: every change to a listing's own fields or photos invalidates its entry at once.
 * Host profile (name, avatar) and rating changes do not, and reach the page within this TTL.
 */
const VIEW_TTL_SECONDS = 300;

/**
 * Published listings' public views, one scope per listing (entry "public"): read by
 * `listings.get`, invalidated by the post-commit step for every `listing.changed` of the listing.
 */
export function listingViewCache(redis: Redis, opts: { prefix?: string } = {}) {
  return versionedCache<ListingView>(redis, {
    // v2: the view gained leadTimeDays; entries cached before it would fail the output schema.
    name: `${opts.prefix ?? ""}listing-view-v2`,
    ttlSeconds: VIEW_TTL_SECONDS,
  });
}
