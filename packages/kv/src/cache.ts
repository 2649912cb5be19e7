import type { Redis } from "@upstash/redis";

export type CacheOutcome = "hit" | "miss" | "uncacheable" | "bypass";

export interface VersionedCacheOptions {
  /** Key namespace, e.g. "search" or "listing-view"; tests prepend their own prefix. */
  name: string;
  /** Seconds an entry lives; the backstop for what no invalidation reaches. */
  ttlSeconds: number;
  /** Far longer than an entry lives: when a version key lapses (reading "0" again), entries stored under "0" are long gone. */
  versionTtlSeconds?: number;
}

export interface ReadOptions<T> {
  /** Whether a loaded value may be stored (e.g. only published listings); default: always. */
  storable?: (value: T) => boolean;
  /** Stores in the background (a Worker's waitUntil) instead of before answering. */
  defer?: (task: Promise<unknown>) => void;
  /** Told when Redis fails; the value is then loaded and answered uncached. */
  onError?: (error: unknown) => void;
}

export interface VersionedCache<T> {
  /** The entry `entry` of `scope` under the scope's current version, loaded and stored on a miss. */
  read(
    scope: string,
    entry: string,
    load: () => Promise<T>,
    opts?: ReadOptions<T>,
  ): Promise<{ value: T; cache: CacheOutcome }>;
  /** Makes every entry of `scope` unreachable at once; call after the change has committed. */
  invalidate(scope: string): Promise<void>;
}

// One round trip for a lookup: read the scope's version, then the entry stored under it.
const lookupScript = `local version = redis.call('GET', KEYS[1]) or '0'
return { version, redis.call('GET', ARGV[1] .. version .. ':' .. ARGV[2]) }`;

/**
 * The one read-through cache: entries live under `<name>:<scope>:<version>:<entry>`, and
 * invalidating a scope replaces its version, so every older entry becomes unreachable (it expires
 * on its TTL). A reader takes the version before it loads and stores under that version, so a
 * read racing a change can only store its older value under a version the change has replaced.
 * Versions are random rather than counted, so a version key that lapsed and starts over never
 * lands on an entry stored under an earlier version of the same number.
 */
export function versionedCache<T>(redis: Redis, options: VersionedCacheOptions): VersionedCache<T> {
  const { name, ttlSeconds, versionTtlSeconds = 86_400 } = options;
  const versionKey = (scope: string) => `${name}:version:${scope}`;
  const entryPrefix = (scope: string) => `${name}:${scope}:`;
  return {
    async read(scope, entry, load, opts = {}) {
      let key: string;
      try {
        const [version, stored] = (await redis.eval(
          lookupScript,
          [versionKey(scope)],
          [entryPrefix(scope), entry],
        )) as [string | number, unknown];
        key = `${entryPrefix(scope)}${version}:${entry}`;
        const envelope = unwrap<T>(stored);
        if (envelope) return { value: envelope.v, cache: "hit" };
      } catch (error) {
        opts.onError?.(error);
        return { value: await load(), cache: "bypass" };
      }
      const value = await load();
      if (opts.storable && !opts.storable(value)) return { value, cache: "uncacheable" };
      // Wrapped as { v } so the REST client's auto-deserialisation cannot reshape the value.
      const store = redis
        .set(key, JSON.stringify({ v: value ?? null }), { ex: ttlSeconds })
        .catch((error: unknown) => opts.onError?.(error));
      if (opts.defer) opts.defer(store);
      else await store;
      return { value, cache: "miss" };
    },
    async invalidate(scope) {
      await redis.set(versionKey(scope), crypto.randomUUID(), { ex: versionTtlSeconds });
    },
  };
}

/**
 * Values are wrapped as `{ v }` so every type survives: @upstash/redis would otherwise turn the
 * string "123" into the number 123 on the way back, and a cached `null` would look like a miss.
 * A client made with `automaticDeserialization: false` hands back the raw JSON text.
 */
function unwrap<T>(raw: unknown): { v: T } | undefined {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  return value !== null && typeof value === "object" && "v" in value ? (value as { v: T }) : undefined;
}
