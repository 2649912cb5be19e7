import type { Redis } from "@upstash/redis";

export type Duration = `${number} ${"ms" | "s" | "m" | "h" | "d"}`;

export interface RateLimiterOptions {
  /** Namespaces the counters, e.g. "rl:login"; two limiters with one prefix share their counts. */
  prefix: string;
  /** Requests allowed per window. */
  limit: number;
  window: Duration;
  /** Sliding windows smooth bursts at window edges; fixed windows forget the previous slot. */
  algorithm?: "slidingWindow" | "fixedWindow";
  /**
   * Milliseconds since the epoch. The caller's clock, not `Date.now()`: a test stops time inside
   * a window instead of waiting on the wall clock for a fresh one.
   */
  now?: () => number;
}

export interface RateLimitOutcome {
  success: boolean;
  limit: number;
  remaining: number;
  /** When the current slot ends (ms since the epoch): a refused caller may try again by then. */
  reset: number;
  /** Nothing is left to do after the answer; kept so callers may hand it to `waitUntil`. */
  pending: Promise<unknown>;
}

export interface RateLimiter {
  /** Spends `rate` (default 1) of `key`'s budget, or refuses without spending any. */
  limit(key: string, opts?: { rate?: number }): Promise<RateLimitOutcome>;
}

const units = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function durationMs(duration: Duration): number {
  const [amount, unit] = duration.split(" ") as [string, keyof typeof units];
  return Number(amount) * units[unit];
}

/**
 * Upstash's sliding window (slots aligned to the epoch; the previous slot's count weighed by how
 * much of it the window still covers, rounded down), in one script so concurrent callers cannot
 * both take the last unit. The time comes in as an argument rather than from Redis or `Date.now()`.
 * KEYS: current slot, previous slot. ARGV: limit, weight of the previous slot (0..1), rate, TTL ms.
 */
const script = `
local current = tonumber(redis.call("GET", KEYS[1]) or "0")
local previous = tonumber(redis.call("GET", KEYS[2]) or "0")
local used = math.floor(previous * tonumber(ARGV[2])) + current
local rate = tonumber(ARGV[3])
if used + rate > tonumber(ARGV[1]) then return {0, used} end
local value = redis.call("INCRBY", KEYS[1], rate)
if value == rate then redis.call("PEXPIRE", KEYS[1], ARGV[4]) end
return {1, used + rate}
`;

/** A limiter over Redis counters (Upstash REST or anything speaking its API). */
export function createRateLimiter(redis: Redis, opts: RateLimiterOptions): RateLimiter {
  const windowMs = durationMs(opts.window);
  const sliding = (opts.algorithm ?? "slidingWindow") === "slidingWindow";
  const now = opts.now ?? Date.now;
  return {
    async limit(key, { rate = 1 } = {}) {
      const at = now();
      const slot = Math.floor(at / windowMs);
      const weight = sliding ? 1 - (at % windowMs) / windowMs : 0;
      const [allowed, used] = await redis.eval<string[], [number, number]>(
        script,
        [`${opts.prefix}:${key}:${slot}`, `${opts.prefix}:${key}:${slot - 1}`],
        [String(opts.limit), String(weight), String(rate), String(windowMs * 2 + 1_000)],
      );
      return {
        success: allowed === 1,
        limit: opts.limit,
        remaining: Math.max(0, opts.limit - used),
        reset: (slot + 1) * windowMs,
        pending: Promise.resolve(),
      };
    },
  };
}
