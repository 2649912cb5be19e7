import type { SearchQuery, SearchResult } from "@hometrip/contracts";
import type { Redis } from "@hometrip/kv";

export interface SearchCacheOptions {
  /** Seconds a page stays cached; short, because availability changes with every booking. */
  ttlSeconds: number;
  /** Key namespace; tests pass their own so parallel suites never share entries. */
  prefix?: string;
  /** Told when Redis fails; the search is then answered from the index, uncached. */
  onError?: (error: unknown) => void;
}

const versionKey = (prefix: string) => `${prefix}search:version`;

/**
 * Invalidates every cached search at once: the version is part of each cache key, so bumping it
 * makes all older entries unreachable (they expire on their TTL). Call after any change to a
 * listing, its calendar, a booking or a review. Returns the new version.
 */
export async function bumpSearchVersion(redis: Redis, opts: { prefix?: string } = {}): Promise<number> {
  return redis.incr(versionKey(opts.prefix ?? ""));
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

export async function searchCacheKey(query: SearchQuery, version: number, prefix = ""): Promise<string> {
  return `${prefix}search:v${version}:${await searchQueryHash(query)}`;
}

// One round trip for a lookup: read the version, then the page cached under it.
const lookupScript = `local version = redis.call('GET', KEYS[1]) or '0'
return { version, redis.call('GET', ARGV[1] .. version .. ':' .. ARGV[2]) }`;

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
  const prefix = opts.prefix ?? "";
  let key: string;
  try {
    const hash = await searchQueryHash(query);
    const [version, stored] = (await redis.eval(
      lookupScript,
      [versionKey(prefix)],
      [`${prefix}search:v`, hash],
    )) as [string | number, unknown];
    key = `${prefix}search:v${version}:${hash}`;
    const envelope = typeof stored === "string" ? JSON.parse(stored) : stored;
    if (envelope && typeof envelope === "object" && "v" in envelope) {
      return { result: (envelope as { v: SearchResult }).v, cache: "hit" };
    }
  } catch (error) {
    opts.onError?.(error);
    return { result: await load(), cache: "bypass" };
  }
  const result = await load();
  // Wrapped as { v } so the REST client's auto-deserialisation cannot reshape the value.
  const store = redis
    .set(key, JSON.stringify({ v: result }), { ex: opts.ttlSeconds })
    .catch((error: unknown) => {
      opts.onError?.(error);
    });
  if (opts.defer) opts.defer(store);
  else await store;
  return { result, cache: "miss" };
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
