import type { Redis } from "@upstash/redis";
import { durationMs, type RateLimiter, type RateLimiterOptions } from "./rate-limiter.ts";

/**
 * Budget an isolate holds per key for the current slot: `left` it may still spend, `unreported`
 * units it spent without Redis knowing (the opening lease), added to the count at its next trip.
 */
export type LeaseBook = Map<string, { slot: number; left: number; unreported: number; confirmed: boolean }>;

/**
 * The sliding window of `createRateLimiter` for load ceilings, with budget held in the isolate:
 * a key's first `lease` units of a slot are spent without asking (an in-isolate pre-check), and
 * a call that does reach Redis reports what was spent locally and takes up to `lease` more at
 * once (never more than the window has left). A busy key costs one round trip per `lease` calls,
 * a key seen a few times none. The price: each isolate may admit up to `lease` units per slot
 * that Redis had no say in (so many isolates together may pass the limit by isolates × lease),
 * and held budget is spent for everyone (so a caller spread over isolates may be refused a
 * little early). Within one isolate the refusals fall exactly where the plain limiter's do.
 * Not for security limits: those stay on `createRateLimiter`, one round trip per call.
 * KEYS: current slot, previous slot. ARGV: limit, weight of the previous slot, rate, TTL ms,
 * lease, units spent unreported.
 */
const script = `
if tonumber(ARGV[6]) > 0 then redis.call("INCRBY", KEYS[1], ARGV[6]) end
local current = tonumber(redis.call("GET", KEYS[1]) or "0")
local previous = tonumber(redis.call("GET", KEYS[2]) or "0")
local used = math.floor(previous * tonumber(ARGV[2])) + current
local rate = tonumber(ARGV[3])
local left = tonumber(ARGV[1]) - used
if left < rate then return {0, used, 0} end
local grant = math.min(math.max(rate, tonumber(ARGV[5])), left)
local value = redis.call("INCRBY", KEYS[1], grant)
if value == grant then redis.call("PEXPIRE", KEYS[1], ARGV[4]) end
return {1, used + grant, grant}
`;

/** `redis` may be a function: the client is then made only when a call has to reach Redis. */
export function createLeasedRateLimiter(
  redis: Redis | (() => Redis),
  opts: Omit<RateLimiterOptions, "algorithm"> & { lease: number; book: LeaseBook },
): RateLimiter {
  const windowMs = durationMs(opts.window);
  const now = opts.now ?? Date.now;
  return {
    async limit(key, { rate = 1 } = {}) {
      const at = now();
      const slot = Math.floor(at / windowMs);
      const reset = (slot + 1) * windowMs;
      const bookKey = `${opts.prefix}:${key}`;
      let held = opts.book.get(bookKey);
      if (!held || held.slot !== slot) {
        held = { slot, left: opts.lease, unreported: 0, confirmed: false };
        opts.book.set(bookKey, held);
      }
      if (held.left >= rate) {
        held.left -= rate;
        if (!held.confirmed) held.unreported += rate;
        return { success: true, limit: opts.limit, remaining: held.left, reset, pending: Promise.resolve() };
      }
      const weight = 1 - (at % windowMs) / windowMs;
      const client = typeof redis === "function" ? redis() : redis;
      const [allowed, used, granted] = await client.eval<string[], [number, number, number]>(
        script,
        [`${bookKey}:${slot}`, `${bookKey}:${slot - 1}`],
        [
          String(opts.limit),
          String(weight),
          String(rate),
          String(windowMs * 2 + 1_000),
          String(opts.lease),
          String(held.unreported),
        ],
      );
      // From now on every unit this isolate spends in the slot comes from a lease Redis granted.
      opts.book.set(bookKey, {
        slot,
        left: allowed === 1 ? granted - rate : 0,
        unreported: 0,
        confirmed: true,
      });
      // Keys of past slots are dropped as they come back; a cap keeps a flood of one-off keys bounded.
      if (opts.book.size > 10_000) opts.book.clear();
      return {
        success: allowed === 1,
        limit: opts.limit,
        remaining: Math.max(0, opts.limit - used),
        reset,
        pending: Promise.resolve(),
      };
    },
  };
}
