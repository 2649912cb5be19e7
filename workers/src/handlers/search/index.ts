import type { SearchIndex } from "@hometrip/search";
import type { EventHandlers } from "../types.ts";

type SearchHandlers = Pick<EventHandlers, "listing.changed">;

/**
 * Keeps an external search index (Typesense) in step with Postgres. Upserts are idempotent, so a
 * redelivered event only repeats the same write. Without an external index, search reads Postgres
 * live and there is nothing to do.
 */
export function createSearchHandlers(index: SearchIndex | undefined): SearchHandlers {
  return {
    "listing.changed": async ({ event, log }) => {
      if (!index || index.name === "postgres") return;
      await index.upsert(event.payload.listingIds);
      log.info("search index refreshed", {
        eventId: event.id,
        index: index.name,
        listings: event.payload.listingIds.length,
        cause: event.payload.cause,
      });
    },
  };
}
