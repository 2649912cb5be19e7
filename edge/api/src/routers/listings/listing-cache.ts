import type { ListingView } from "@hometrip/contracts";
import type { Redis } from "@hometrip/kv";
import type { Services } from "../../services/index.ts";
import { errorFields } from "../../services/logger.ts";

/**
 * Backstop only: every change to a listing's own fields or photos invalidates its entry at once.
 * Host profile (name, avatar) and rating changes do not, and reach the page within this TTL.
 */
const VIEW_TTL_SECONDS = 300;
/** Far longer than an entry lives: when a version key lapses (reading "0" again), entries stored under "0" are long gone. */
const VERSION_TTL_SECONDS = 86_400;

/** Published listings look the same to everyone; kept briefly so an edit is not shown stale for long. */
export const publicListingCacheControl = "public, max-age=30, stale-while-revalidate=60";

const versionKey = (listingId: string) => `listing:version:${listingId}`;
const viewKeyPrefix = (listingId: string) => `listing:view:${listingId}:`;

// One round trip for a lookup: read the listing's version, then the view cached under it.
const lookupScript = `local version = redis.call('GET', KEYS[1]) or '0'
return { version, redis.call('GET', ARGV[1] .. version) }`;

export type ListingCacheOutcome = "hit" | "miss" | "uncacheable" | "bypass";

/**
 * Read-through cache of published listing views, one entry per listing and version. A reader
 * takes the version before it reads Postgres and stores under that version, so a read racing an
 * edit can only store its older view under a version the edit has already replaced. Drafts and
 * unlisted listings are never stored (their answer depends on who asks). Redis failing is
 * logged and the listing is read from Postgres.
 */
export async function readListingThroughCache(
  services: Services,
  listingId: string,
  load: () => Promise<ListingView>,
): Promise<{ listing: ListingView; cache: ListingCacheOutcome }> {
  let viewKey: string;
  try {
    const [version, stored] = (await services.redis.eval(
      lookupScript,
      [versionKey(listingId)],
      [viewKeyPrefix(listingId)],
    )) as [string | number, unknown];
    viewKey = `${viewKeyPrefix(listingId)}${version}`;
    const envelope = typeof stored === "string" ? JSON.parse(stored) : stored;
    if (envelope && typeof envelope === "object" && "v" in envelope) {
      return { listing: (envelope as { v: ListingView }).v, cache: "hit" };
    }
  } catch (error) {
    services.logger.warn("listing cache unavailable", errorFields(error));
    return { listing: await load(), cache: "bypass" };
  }
  const listing = await load();
  if (listing.status !== "published") return { listing, cache: "uncacheable" };
  // Wrapped as { v } so the REST client's auto-deserialisation cannot reshape the value.
  services.waitUntil(
    services.redis
      .set(viewKey, JSON.stringify({ v: listing }), { ex: VIEW_TTL_SECONDS })
      .catch((error: unknown) => services.logger.warn("listing not cached", errorFields(error))),
  );
  return { listing, cache: "miss" };
}

/**
 * Makes the listing's cached view unreachable; call once the change has committed. Versions are
 * random rather than counted, so a version key that lapsed and starts over never lands on an entry
 * stored under an earlier version of the same number.
 */
export async function invalidateCachedListing(redis: Redis, listingId: string): Promise<void> {
  await redis.set(versionKey(listingId), crypto.randomUUID(), { ex: VERSION_TTL_SECONDS });
}
