import { type Duration, Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";

export interface RateLimiterOptions {
  /** Namespaces the counters, e.g. "rl:login"; two limiters with one prefix share their counts. */
  prefix: string;
  /** Requests allowed per window. */
  limit: number;
  window: Duration;
  /** Sliding windows smooth bursts at window edges; fixed windows cost one key per window. */
  algorithm?: "slidingWindow" | "fixedWindow";
}

export type RateLimiter = Ratelimit;

export function createRateLimiter(redis: Redis, opts: RateLimiterOptions): RateLimiter {
  const algorithm = opts.algorithm ?? "slidingWindow";
  const limiter =
    algorithm === "slidingWindow"
      ? Ratelimit.slidingWindow(opts.limit, opts.window)
      : Ratelimit.fixedWindow(opts.limit, opts.window);
  return new Ratelimit({ redis, limiter, prefix: opts.prefix, analytics: false });
}
