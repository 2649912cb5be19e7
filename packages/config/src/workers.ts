import * as z from "zod";
import {
  appEnv,
  awayDelaySeconds,
  poolMax,
  port,
  postgresUrl,
  requestResponseSeconds,
  secret,
  url,
  wsProxy,
} from "./fields.ts";
import { workersChannelShape, workersEmailShape } from "./identity.ts";
import { parseConfig } from "./parse.ts";
import { stripeShape } from "./stripe.ts";

/** Settings of the Bun `workers/` service, parsed once at boot. */
export const zWorkersEnv = z
  .object({
    APP_ENV: appEnv.default("production"),
    WORKERS_PORT: port.default(8790),
    /** Address to listen on; dev sets 127.0.0.1 (DEV_HOST). */
    WORKERS_HOST: z.union([z.ipv4(), z.ipv6()]).default("0.0.0.0"),
    DATABASE_URL: postgresUrl,
    NEON_WS_PROXY: wsProxy.optional(),
    DATABASE_POOL_MAX: poolMax.default(10),
    /** Idle connections are closed after this long; dev shortens it when PGlite admits one client. */
    DATABASE_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    QSTASH_URL: url,
    QSTASH_TOKEN: secret(8),
    QSTASH_CURRENT_SIGNING_KEY: secret(8),
    QSTASH_NEXT_SIGNING_KEY: secret(8),
    /** Public base URL of this service, used as the destination of the events it re-publishes. */
    EVENTS_DESTINATION_URL: url,
    /** Same Upstash Redis as edge/api: an iCal sync that changes blocks drops its cached searches. */
    UPSTASH_REDIS_REST_URL: url,
    UPSTASH_REDIS_REST_TOKEN: secret(8),
    /** Set in production: listing changes are copied into Typesense. Unset: Postgres reads live. */
    TYPESENSE_URL: url.optional(),
    TYPESENSE_API_KEY: z.string().min(1).optional(),
    /** Alias the workers write to; `bun run search:reindex` swaps it to each rebuilt collection. */
    TYPESENSE_COLLECTION: z.string().min(1).default("listings"),
    /** The realtime Worker, for live deliveries into rooms (`httpRoomDelivery`); unset, none are made. */
    REALTIME_URL: url.optional(),
    REALTIME_INTERNAL_TOKEN: secret(16).optional(),
    /** Bearer token for GET /metrics (Prometheus, the API's ops panel); unset, /metrics is off. */
    METRICS_TOKEN: secret(16).optional(),
    /** Set: each handled delivery is exported as a span over OTLP/HTTP to `${endpoint}/v1/traces`. */
    OTEL_EXPORTER_OTLP_ENDPOINT: url.optional(),
    /** `key=value,key2=value2` sent with every export (a collector's API key). */
    OTEL_EXPORTER_OTLP_HEADERS: z.string().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default("hometrip-workers"),
    /**
     * How long a host has to answer a request to book once the guest's card is authorised
     * (default 24 h). The e2e stack shortens it so an unanswered request expires during a test.
     */
    BOOKING_REQUEST_RESPONSE_SECONDS: requestResponseSeconds.default(86_400),
    /**
     * How long a message e-mail (push, SMS) waits for the recipient to read it live (default 2 min).
     * The e2e stack shortens it so a spec can watch an away host's mail arrive.
     */
    NOTIFY_AWAY_DELAY_SECONDS: awayDelaySeconds.default(120),
    ...workersEmailShape,
    ...stripeShape,
    ...workersChannelShape,
  })
  .refine((env) => env.EMAIL_TRANSPORT !== "resend" || Boolean(env.RESEND_API_KEY), {
    path: ["RESEND_API_KEY"],
    message: "is required when EMAIL_TRANSPORT=resend",
  })
  .refine((env) => Boolean(env.VAPID_PUBLIC_KEY) === Boolean(env.VAPID_PRIVATE_KEY), {
    path: ["VAPID_PRIVATE_KEY"],
    message: "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set together",
  })
  .refine((env) => !env.TWILIO_ACCOUNT_SID || Boolean(env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM), {
    path: ["TWILIO_AUTH_TOKEN"],
    message: "TWILIO_AUTH_TOKEN and TWILIO_FROM are required with TWILIO_ACCOUNT_SID",
  })
  .refine((env) => !env.TYPESENSE_URL || Boolean(env.TYPESENSE_API_KEY), {
    path: ["TYPESENSE_API_KEY"],
    message: "is required when TYPESENSE_URL is set",
  });
export type WorkersEnv = z.output<typeof zWorkersEnv>;

export function parseWorkersEnv(source: Record<string, unknown>): WorkersEnv {
  return parseConfig("workers", zWorkersEnv, source);
}

/** What the container health probe needs: only the port the service listens on. */
export const zWorkersProbeEnv = z.object({ WORKERS_PORT: port.default(8790) });

export function parseWorkersProbeEnv(source: Record<string, unknown>): z.output<typeof zWorkersProbeEnv> {
  return parseConfig("workers health probe", zWorkersProbeEnv, source);
}
