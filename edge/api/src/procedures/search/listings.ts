import { AppError } from "@hometrip/contracts";
import { cachedSearch, createPostgresSearchIndex, refusePastStay, SearchQueryError } from "@hometrip/search";
import { errorFields } from "../../services/logger.ts";
import { publicProcedure } from "../../trpc.ts";
import {
  searchListingsMeta,
  ZSearchListingsRequestSchema,
  ZSearchListingsResponseSchema,
} from "./listings.types.ts";

/** Availability changes with every booking, so cached pages live briefly; edits bump the version anyway. */
const CACHE_TTL_SECONDS = 30;
export const searchCacheControl = "public, max-age=30, stale-while-revalidate=60";

/**
 * Guests' search, answered by the Postgres adapter (the source of truth) behind a Redis
 * read-through cache keyed by the normalised query and the search version, which listing,
 * calendar, booking and review changes bump (`bumpSearchVersion`). Redis down: answered uncached.
 * A miss is one read-only statement, so where there is an HTTP endpoint (NEON_HTTP_ENDPOINT, or
 * Neon's own for a Neon database) it goes over it instead of opening a per-request Pool
 * connection (a new backend, handshake included).
 */
export const searchListingsProcedure = publicProcedure
  .meta(searchListingsMeta)
  .input(ZSearchListingsRequestSchema)
  .output(ZSearchListingsResponseSchema)
  .query(async ({ ctx, input }) => {
    const { services } = ctx;
    try {
      // Before the cache: a page cached yesterday for today's dates must not outlive them.
      refusePastStay(input, services.clock.now());
      const index = createPostgresSearchIndex(services.httpSql ?? services.pool);
      const { result, cache } = await cachedSearch(
        services.redis,
        input,
        {
          ttlSeconds: CACHE_TTL_SECONDS,
          defer: (task) => services.waitUntil(task),
          onError: (error) => services.logger.warn("search cache unavailable", errorFields(error)),
        },
        () => index.search(input),
      );
      ctx.resHeaders.set("Cache-Control", searchCacheControl);
      ctx.resHeaders.set("X-Search-Cache", cache);
      return result;
    } catch (error) {
      // A search that cannot be answered as asked (a stay that is over, a forged cursor) is the caller's.
      if (error instanceof SearchQueryError) throw new AppError("BAD_REQUEST", error.message);
      throw error;
    }
  });
