import * as z from "zod";
import { awayDelaySeconds, port, postgresUrl, requestResponseSeconds, secret } from "./fields.ts";
import { parseConfig } from "./parse.ts";

/** Settings of the local platform (`bun run dev`); every one has a working default. */
export const zDevstackEnv = z.object({
  /** Postgres to use; unset means localhost:5432 if it answers, else embedded PGlite. */
  DATABASE_URL: postgresUrl.optional(),
  /** auto: DATABASE_URL, else local Postgres, else PGlite; pglite forces the embedded one. */
  POSTGRES_MODE: z.enum(["auto", "pglite"]).default("auto"),
  /** Redis behind the Upstash REST bridge; unset means localhost:6379, else a redis-server on PATH, else embedded. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { message: "must be a redis:// URL" })
    .optional(),
  /** auto: REDIS_URL, else local Redis, else redis-server, else in-process; embedded forces the last. */
  REDIS_MODE: z.enum(["auto", "embedded"]).default("auto"),
  HOMETRIP_DATA_DIR: z.string().default(".hometrip"),
  /** Where the web app, API, rooms and workers listen; 0.0.0.0 opens them to the network. */
  DEV_HOST: z.union([z.ipv4(), z.ipv6()]).default("127.0.0.1"),
  /** 1 opens the runtimes' debuggers (API 9229, web 9230) on DEV_HOST; none is started otherwise. */
  DEV_INSPECT: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1"),
  HOMETRIP_DB_NAME: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default("hometrip_dev"),
  API_PORT: port.default(8787),
  WEB_PORT: port.default(3000),
  REALTIME_PORT: port.default(1999),
  WORKERS_PORT: port.default(8790),
  NEON_TUNNEL_PORT: port.default(4444),
  REDIS_BRIDGE_PORT: port.default(8079),
  QSTASH_PORT: port.default(8081),
  PGLITE_PORT: port.default(54329),
  /** The Stripe stand-in; its keys are test-mode look-alikes, never real Stripe keys. */
  STRIPE_PORT: port.default(12111),
  /** standin: the local Stripe; stripe: Stripe's test mode with your keys (webhooks via `stripe listen`). */
  STRIPE_MODE: z.enum(["standin", "stripe"]).default("standin"),
  STRIPE_SECRET_KEY: z.string().default("sk_test_hometrip_local_0000000000000000"),
  STRIPE_PUBLISHABLE_KEY: z.string().default("pk_test_hometrip_local_0000000000000000"),
  STRIPE_WEBHOOK_SECRET: z.string().default("whsec_hometrip_local_0000000000000000"),
  UPSTASH_REDIS_REST_TOKEN: secret(8).default("dev-redis-token"),
  QSTASH_TOKEN: secret(8).default("dev-qstash-token"),
  QSTASH_CURRENT_SIGNING_KEY: secret(8).default("sig_dev_current_key_0000000000"),
  QSTASH_NEXT_SIGNING_KEY: secret(8).default("sig_dev_next_key_000000000000"),
  ADMIN_API_TOKEN: secret(16).default("dev-admin-token-change-me"),
  ROOM_TOKEN_SECRET: secret(32).default("dev-room-token-secret-0123456789abcdef"),
  REALTIME_INTERNAL_TOKEN: secret(16).default("dev-realtime-internal-token"),
  /** Bearer token of GET /metrics on the API and the workers (Prometheus, the ops page). */
  METRICS_TOKEN: secret(16).default("dev-metrics-token-change-me"),
  JWT_SIGNING_KEYS: z.string().default("dev-1:dev-jwt-signing-secret-0123456789abcdef"),
  TOTP_ENCRYPTION_KEY: z.string().default("ZGV2LXRvdHAta2V5LTMyLWJ5dGVzLWxvbmctMDAwMDA="),
  UNSUBSCRIBE_SIGNING_KEY: z.string().min(32).default("dev-unsubscribe-signing-key-0123456789abcdef"),
  SEED: z.coerce.number().int().default(42),
  /** Forwarded to the workers when set (the e2e stack shortens it); unset, the workers' 24 h. */
  BOOKING_REQUEST_RESPONSE_SECONDS: requestResponseSeconds.optional(),
  /** Forwarded to the workers when set (the e2e stack shortens it); unset, the workers' 2 min. */
  NOTIFY_AWAY_DELAY_SECONDS: awayDelaySeconds.optional(),
});
export type DevstackEnv = z.output<typeof zDevstackEnv>;

export function parseDevstackEnv(source: Record<string, unknown>): DevstackEnv {
  return parseConfig("devstack", zDevstackEnv, source);
}
