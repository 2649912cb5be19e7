import { Redis } from "@upstash/redis/cloudflare";

export type { Redis };

/**
 * REST client per request: fetch-based, so it is safe in workerd. Telemetry is off because it
 * adds a header describing the runtime to every command and the local bridge has no use for it.
 */
export function createRedis(opts: { url: string; token: string; retries?: number }): Redis {
  return new Redis({
    url: opts.url,
    token: opts.token,
    enableTelemetry: false,
    ...(opts.retries === undefined ? {} : { retry: { retries: opts.retries } }),
  });
}
