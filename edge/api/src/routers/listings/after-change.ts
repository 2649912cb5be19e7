import type { ListingChange } from "@hometrip/core";
import { bumpSearchVersion } from "@hometrip/search";
import { relayAfterCommit } from "../../auth/relay.ts";
import type { Services } from "../../services/index.ts";
import { errorFields } from "../../services/logger.ts";
import { invalidateCachedListing } from "./listing-cache.ts";

/**
 * After a committed listing change: publish its `listing.changed` event (workers refresh the
 * index) and, when guests could see the listing, bump the search version and drop the listing's
 * cached view so no cached page keeps the old state. Awaited, so the host's next read is fresh.
 * A Redis failure is logged, not fatal: cached pages expire on their short TTL.
 */
export async function afterListingChange<T>(services: Services, change: ListingChange<T>): Promise<T> {
  relayAfterCommit(services, change.eventId);
  if (change.searchVisible) {
    await Promise.all([
      bumpSearchVersion(services.redis).catch((error: unknown) => {
        services.logger.warn("search cache not invalidated", errorFields(error));
      }),
      invalidateCachedListing(services.redis, change.listingId).catch((error: unknown) => {
        services.logger.warn("listing cache not invalidated", {
          listingId: change.listingId,
          ...errorFields(error),
        });
      }),
    ]);
  }
  return change.value;
}
