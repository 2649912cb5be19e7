import * as z from "zod";
import { appEnv, csv, poolMax, postgresUrl, secret, sqlOverHttpEndpoint, url, wsProxy } from "./fields.ts";
import { edgeIdentityShape } from "./identity.ts";
import { parseConfig } from "./parse.ts";
import { stripeShape, stripeWebhookSecrets } from "./stripe.ts";

/** Settings of the `edge/api` Worker, parsed from its bindings on every request. */
export const zEdgeEnv = z.object({
  APP_ENV: appEnv.default("production"),
  APP_VERSION: z.string().default("0.0.0-dev"),
  DATABASE_URL: postgresUrl,
  NEON_WS_PROXY: wsProxy.optional(),
  /**
   * Set: guest search runs its one statement over this SQL-over-HTTP endpoint (warm pooled
   * connections, no per-request handshake). Unset: over Neon's own endpoint when DATABASE_URL is a
   * `*.neon.tech` host, otherwise the per-request Pool like everything else.
   */
  NEON_HTTP_ENDPOINT: sqlOverHttpEndpoint.optional(),
  DATABASE_POOL_MAX: poolMax.default(10),
  UPSTASH_REDIS_REST_URL: url,
  UPSTASH_REDIS_REST_TOKEN: secret(8),
  QSTASH_URL: url,
  QSTASH_TOKEN: secret(8),
  /** Base URL of the `workers/` service that QStash delivers events to. */
  EVENTS_DESTINATION_URL: url,
  CORS_ORIGINS: csv.default([]),
  /**
   * A Nominatim-compatible geocoder (`${GEOCODER_URL}/search?format=jsonv2`) for the hosts'
   * address search; unset, the offline gazetteer of the cities and neighbourhoods we know.
   */
  GEOCODER_URL: url.optional(),
  /** Bearer token for operator-only procedures until accounts and roles exist. */
  ADMIN_API_TOKEN: secret(16),
  /** Signs room tokens (HMAC-SHA256); edge/realtime verifies them with the same value. */
  ROOM_TOKEN_SECRET: secret(32),
  /** Origin browsers open room sockets on (`https://realtime.example.com`; ws/wss is derived). */
  REALTIME_PUBLIC_URL: url,
  /** Key prefix of the edge metrics rollups in Redis (tests give each case its own). */
  METRICS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/)
    .default("metrics"),
  /**
   * How often an isolate writes the calls it counted (one pipeline per interval rather than per
   * request); 0 writes with every request. An evicted isolate loses at most this much of its counts.
   */
  METRICS_FLUSH_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
  /**
   * Which answers get the Worker's own access line: `all`, or `errors` (4xx, 5xx and answers slower
   * than a second). Deployed environments use `errors`: Workers invocation logs already record every
   * request, and one console line per fast 200 was the largest cost left on a cached read.
   */
  ACCESS_LOG: z.enum(["all", "errors"]).default("all"),
  /**
   * Bearer token Prometheus presents at GET /metrics; unset, only ADMIN_API_TOKEN is accepted, so a
   * scraper can get a token that opens nothing else.
   */
  METRICS_TOKEN: secret(16).optional(),
  /**
   * The Bun workers' base URL for the ops queue panel: the API fetches `${WORKERS_METRICS_URL}/metrics`
   * with METRICS_TOKEN (the workers accept the same token). Unset: the panel shows the outbox and
   * dead letters only.
   */
  WORKERS_METRICS_URL: url.optional(),
  ...edgeIdentityShape,
  ...stripeShape,
  /** Secrets `POST /webhooks/stripe` verifies signatures with (platform and Connect endpoints). */
  STRIPE_WEBHOOK_SECRET: stripeWebhookSecrets,
});
export type EdgeEnv = z.output<typeof zEdgeEnv>;

export function parseEdgeEnv(bindings: Record<string, unknown>): EdgeEnv {
  return parseConfig("edge/api", zEdgeEnv, bindings);
}
