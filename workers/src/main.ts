import { ConfigError, parseWorkersEnv } from "@hometrip/config";
import { createQStashPublisher, httpRoomDelivery } from "@hometrip/core";
import { createDb } from "@hometrip/db";
import { createRedis } from "@hometrip/kv";
import { createStripeClient, stripeClientConfig } from "@hometrip/payments";
import { Client, Receiver } from "@upstash/qstash";
import { createWorkerApp } from "./app.ts";
import { qstashBookingDeadlines } from "./handlers/bookings/index.ts";
import { createMailDeps } from "./handlers/index.ts";
import { createJsonLogger } from "./log.ts";
import { qstashDueSendWakeUps } from "./notifications/due-send-wake-ups.ts";
import { createNotificationDeps } from "./notifications/from-env.ts";
import { searchIndexFromEnv } from "./search-index.ts";
import { createOtlpExporter, parseOtlpHeaders } from "./tracing/otlp-exporter.ts";

const log = createJsonLogger({ service: "workers" });

function loadEnv() {
  try {
    return parseWorkersEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const env = loadEnv();

// One pool for the life of the process. The per-request pool rule exists because workerd ties
// sockets to the request that opened them; Bun has no such limit, and reusing WebSocket
// connections saves a handshake (and, through the tunnel, a SCRAM exchange) per delivery.
const { db, pool } = createDb({
  databaseUrl: env.DATABASE_URL,
  wsProxy: env.NEON_WS_PROXY,
  max: env.DATABASE_POOL_MAX,
  idleTimeoutMillis: env.DATABASE_IDLE_TIMEOUT_MS,
});

const stripe = createStripeClient(stripeClientConfig(env));
// Delayed messages to this service's own job routes: booking deadlines, notification sends falling due.
const qstash = new Client({
  baseUrl: env.QSTASH_URL,
  token: env.QSTASH_TOKEN,
  devMode: false,
  enableTelemetry: false,
});
const mail = createMailDeps(env);
// Committed events reach rooms through the realtime Worker when it is configured (a stored
// notification: the member's user room); without it the bell still sees them on its next poll.
const rooms =
  env.REALTIME_URL && env.REALTIME_INTERNAL_TOKEN
    ? httpRoomDelivery({
        baseUrl: env.REALTIME_URL,
        internalToken: env.REALTIME_INTERNAL_TOKEN,
        // Short: the delivery's answer to the broker waits for it (after the commit).
        timeoutMs: 2_000,
      })
    : null;
const spans = env.OTEL_EXPORTER_OTLP_ENDPOINT
  ? createOtlpExporter({
      endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
      headers: parseOtlpHeaders(env.OTEL_EXPORTER_OTLP_HEADERS),
      serviceName: env.OTEL_SERVICE_NAME,
      log,
    })
  : undefined;

const app = createWorkerApp({
  db,
  log,
  receiver: new Receiver({
    currentSigningKey: env.QSTASH_CURRENT_SIGNING_KEY,
    nextSigningKey: env.QSTASH_NEXT_SIGNING_KEY,
    devMode: false,
  }),
  publisher: createQStashPublisher({
    qstashUrl: env.QSTASH_URL,
    token: env.QSTASH_TOKEN,
    destinationUrl: env.EVENTS_DESTINATION_URL,
  }),
  mail,
  rooms,
  notifications: createNotificationDeps(env, {
    transport: mail.transport,
    wakeUps: qstashDueSendWakeUps(qstash, env.EVENTS_DESTINATION_URL),
  }),
  // The broker signs the URL it was given, which is built from this same setting.
  publicUrl: env.EVENTS_DESTINATION_URL,
  // Feeds on localhost are how development tests a sync; production only fetches public hosts.
  icalFetch: { allowPrivateNetworks: env.APP_ENV !== "production" },
  searchCache: {
    redis: createRedis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN }),
  },
  search: searchIndexFromEnv(env, pool),
  bookings: {
    stripe,
    requestResponseSeconds: env.BOOKING_REQUEST_RESPONSE_SECONDS,
    deadlines: qstashBookingDeadlines(qstash, env.EVENTS_DESTINATION_URL),
  },
  stripe,
  metricsToken: env.METRICS_TOKEN,
  ...(spans && { spans }),
});

const server = Bun.serve({ port: env.WORKERS_PORT, hostname: env.WORKERS_HOST, fetch: app.fetch });
log.info("workers listening", {
  port: server.port,
  appEnv: env.APP_ENV,
  searchIndex: env.TYPESENSE_URL ? "typesense" : "postgres",
  traceExport: env.OTEL_EXPORTER_OTLP_ENDPOINT ? "otlp" : "none",
  liveNotifications: env.REALTIME_URL && env.REALTIME_INTERNAL_TOKEN ? "realtime" : "none",
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info("workers stopping", { signal });
  // Let in-flight deliveries finish: a cut-off handler would roll back and be redelivered anyway,
  // but finishing avoids the retry delay.
  await server.stop(false);
  await spans?.shutdown();
  await pool.end();
  log.info("workers stopped", { signal });
  process.exit(0);
}

process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
