export {
  type CacheOutcome,
  type ReadOptions,
  type VersionedCache,
  type VersionedCacheOptions,
  versionedCache,
} from "./cache.ts";
export { createLeasedRateLimiter, type LeaseBook } from "./leased-rate-limiter.ts";
export {
  createRateLimiter,
  type Duration,
  durationMs,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitOutcome,
} from "./rate-limiter.ts";
export { createRedis, type Redis, type RedisConnection } from "./redis.ts";
