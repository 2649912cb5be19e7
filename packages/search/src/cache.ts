import type { SearchQuery, SearchResult } from "@hometrip/contracts";
import { type Redis, versionedCache } from "@hometrip/kv";

export interface SearchCacheOptions {
  /** Seconds a page stays cached; short, because availability changes with every booking. */
  ttlSeconds: number;
  /** Key namespace; tests pass their own so parallel suites never share entries. */
  prefix?: string;
  /** Told when Redis fails; the search is then answered from the index, uncached. */
  onError?: (error: unknown) => void;
}

/** Every page shares one scope: any listing, calendar, booking or review change may move any page. */
const ALL_PAGES = "all";

/** The cache of search pages, shared by the API (reads) and the post-commit step (invalidation). */
export function searchPageCache(redis: Redis, opts: { ttlSeconds?: number; prefix?: string } = {}) {
  return versionedCache<SearchResult>(redis, {
    name: `${opts.prefix ?? ""}search`,
    ttlSeconds: opts.ttlSeconds ?? 30,
  });
}

/**
 * Invalidates every cached search at once. The post-commit step does it for every event that
 * changes what search shows; tests and the bench call it directly.
 */
export async function bumpSearchVersion(redis: Redis, opts: { prefix?: string } = {}): Promise<void> {
  await searchPageCache(redis, opts).invalidate(ALL_PAGES);
}

/** Same hash for queries that mean the same: key order, filter array order and text case are irrelevant. */
export async function searchQueryHash(query: SearchQuery): Promise<string> {
  const normal = {
    ...query,
    text: query.text?.toLowerCase().replace(/\s+/g, " "),
    propertyTypes: query.propertyTypes && [...new Set(query.propertyTypes)].sort(),
    amenities: query.amenities && [...new Set(query.amenities)].sort(),
  };
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonicalJson(normal)));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Read-through cache of one search page; `cache` says whether Redis answered it. On a miss the
 * page is stored through `defer` (the Worker's waitUntil) so the response does not wait for it.
 */
export async function cachedSearch(
  redis: Redis,
  query: SearchQuery,
  opts: SearchCacheOptions & { defer?: (task: Promise<unknown>) => void },
  load: () => Promise<SearchResult>,
): Promise<{ result: SearchResult; cache: "hit" | "miss" | "bypass" }> {
  const cache = searchPageCache(redis, opts);
  const { value, cache: outcome } = await cache.read(ALL_PAGES, await searchQueryHash(query), load, opts);
  return { result: value, cache: outcome === "uncacheable" ? "miss" : outcome };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
