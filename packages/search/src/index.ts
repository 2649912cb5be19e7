export {
  bumpSearchVersion,
  cachedSearch,
  type SearchCacheOptions,
  searchPageCache,
  searchQueryHash,
} from "./cache.ts";
export { type CursorPosition, decodeCursor, encodeCursor } from "./cursor.ts";
export { planSearch, type SearchOrder, type SearchPlan } from "./plan.ts";
export { type SearchIndex, SearchQueryError, type SqlExecutor } from "./port.ts";
export { createPostgresSearchIndex, searchStatement } from "./postgres/adapter.ts";
export { refreshListingRatings } from "./postgres/ratings.ts";
export { earliestSearchCheckIn, refusePastStay } from "./stay-window.ts";
