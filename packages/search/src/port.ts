import type { SearchQueryInput, SearchResult } from "@hometrip/contracts";

/**
 * Where guests' searches are answered. Postgres is the source of truth and reads live, so its
 * upsert/remove have nothing to do; an external engine (Typesense) copies listings in on upsert.
 * Callers tell the index about every listing, calendar, booking or review change by id; the
 * index decides whether the listing is searchable (published) or must be dropped.
 */
export interface SearchIndex {
  readonly name: "postgres" | "typesense";
  upsert(listingIds: readonly string[]): Promise<void>;
  remove(listingIds: readonly string[]): Promise<void>;
  /** Validates the query (zSearchQuery) and throws SearchQueryError for a bad cursor. */
  search(query: SearchQueryInput): Promise<SearchResult>;
}

/** Anything that runs parameterised SQL: the Neon Pool in Workers, node-postgres in tools. */
export interface SqlExecutor {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The query was well-formed but cannot be answered as asked (e.g. a cursor from another sort). */
export class SearchQueryError extends Error {
  override readonly name = "SearchQueryError";
}
