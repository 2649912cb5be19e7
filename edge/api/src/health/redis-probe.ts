import { Redis } from "@upstash/redis/cloudflare";

/**
 * A client for the health probe only: retries off, because a probe must report the state now,
 * not after the SDK's backoff (seconds against a refused connection).
 */
export function createRedisProbe(opts: { url: string; token: string }): Redis {
  return new Redis({ url: opts.url, token: opts.token, enableTelemetry: false, retry: { retries: 0 } });
}
