import type { EdgeEnv } from "@hometrip/config";
import {
  type CommittedEvents,
  createGazetteerGeocoder,
  createNominatimGeocoder,
  createQStashPublisher,
  type EventPublisher,
  type Geocoder,
  invalidationsFor,
  type RoomDelivery,
  runPostCommit,
  trackCommittedEvents,
} from "@hometrip/core";
import { createDb, createHttpSql, type Database, type HttpSql } from "@hometrip/db";
import { createRedis, type Redis } from "@hometrip/kv";
import { createStripeClient, type Stripe, stripeClientConfig } from "@hometrip/payments";
import { type Clock, systemClock } from "./clock.ts";
import { createIsolateState, type IsolateState } from "./isolate-state.ts";
import { errorFields, type Logger } from "./logger.ts";
import { sqlOverHttpRoute } from "./sql-over-http.ts";

type Pool = ReturnType<typeof createDb>["pool"];

/** Everything a handler may use, built fresh for one request. */
export interface Services {
  readonly config: EdgeEnv;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Kept by the isolate across requests (rate-limit leases, listing views served moments ago). */
  readonly isolate: IsolateState;
  /**
   * Created on first use; a request that never touches Postgres opens no socket. Events recorded
   * through it are remembered for `runPostCommit` once their transaction commits.
   */
  readonly db: Database;
  readonly pool: Pool;
  /**
   * One-shot statements over Neon's SQL-over-HTTP endpoint (NEON_HTTP_ENDPOINT, or Neon's own for
   * a `*.neon.tech` database), answered from connections Neon keeps warm; null for any other
   * database without the setting. No interactive transactions.
   */
  readonly httpSql: HttpSql | null;
  readonly redis: Redis;
  /** The same Redis without retries, for best-effort writes after the answer (metrics rollups). */
  readonly metricsRedis: Redis;
  readonly publisher: EventPublisher;
  /** Address search: a Nominatim-compatible service at GEOCODER_URL, else the offline gazetteer. */
  readonly geocoder: Geocoder;
  /** The Stripe SDK (fetch + SubtleCrypto), at STRIPE_API_BASE when set (the local stand-in). */
  readonly stripe: Stripe;
  /**
   * The realtime rooms, through the Durable Object bindings to the realtime Worker; null where the
   * bindings are missing (the post-commit step then skips live delivery).
   */
  readonly rooms: RoomDelivery | null;
  /** Work to finish after the response; the db pool is ended only once all of it settles. */
  waitUntil(task: Promise<unknown>): void;
  /**
   * The post-commit step for the events committed so far: cache invalidations and room deliveries
   * (awaited) and the relay (after the response). The tRPC base procedure runs it after every procedure and `init`
   * after every HTTP route, so no handler calls it, a relay or a cache bump itself.
   */
  runPostCommit(): Promise<void>;
}

export interface ServiceScope {
  services: Services;
  /** Hands the pending tasks and the pool shutdown to the runtime; call once, after the response. */
  dispose(waitUntil: (task: Promise<unknown>) => void): void;
}

/** `trace`: the request's traceparent, stored with every event it records (outbox → QStash → workers). */
export function createServices(
  config: EdgeEnv,
  logger: Logger,
  clock: Clock = systemClock,
  rooms: RoomDelivery | null = null,
  isolate: IsolateState = createIsolateState(),
  trace: { traceparent?: string } = {},
): ServiceScope {
  let database: { db: Database; pool: Pool; events: CommittedEvents } | undefined;
  let httpSql: HttpSql | undefined;
  let redis: Redis | undefined;
  let metricsRedis: Redis | undefined;
  let publisher: EventPublisher | undefined;
  let geocoder: Geocoder | undefined;
  let stripe: Stripe | undefined;
  const pending: Promise<unknown>[] = [];
  let ending = false;

  // The neon Pool holds sockets bound to the request that opened them: workerd refuses I/O
  // on them from another request, so a pool shared across requests hangs. One per request.
  const openDb = () => {
    if (!database) {
      const { db, pool } = createDb({
        databaseUrl: config.DATABASE_URL,
        wsProxy: config.NEON_WS_PROXY,
        max: config.DATABASE_POOL_MAX,
      });
      database = { pool, ...trackCommittedEvents(db, trace) };
      // An idle connection dropping is reported as a pool 'error', and unhandled it throws out
      // of the isolate. workerd also reports each socket closed by pool.end() this way
      // ("Network connection lost" once the Terminate went out): not worth a warning.
      database.pool.on("error", (error: unknown) => {
        if (ending) logger.debug("database connection closed", errorFields(error));
        else logger.warn("idle database connection lost", errorFields(error));
      });
    }
    return database;
  };

  const services: Services = {
    config,
    logger,
    clock,
    rooms,
    isolate,
    get db() {
      return openDb().db;
    },
    get pool() {
      return openDb().pool;
    },
    get httpSql() {
      if (httpSql) return httpSql;
      const route = sqlOverHttpRoute(config);
      if (!route) return null;
      httpSql = createHttpSql({ connectionString: config.DATABASE_URL, ...route });
      return httpSql;
    },
    get redis() {
      redis ??= createRedis({ url: config.UPSTASH_REDIS_REST_URL, token: config.UPSTASH_REDIS_REST_TOKEN });
      return redis;
    },
    get metricsRedis() {
      metricsRedis ??= createRedis({
        url: config.UPSTASH_REDIS_REST_URL,
        token: config.UPSTASH_REDIS_REST_TOKEN,
        retries: 0,
      });
      return metricsRedis;
    },
    get publisher() {
      publisher ??= createQStashPublisher({
        qstashUrl: config.QSTASH_URL,
        token: config.QSTASH_TOKEN,
        destinationUrl: config.EVENTS_DESTINATION_URL,
      });
      return publisher;
    },
    get geocoder() {
      geocoder ??= config.GEOCODER_URL
        ? createNominatimGeocoder({ url: config.GEOCODER_URL, userAgent: `HomeTrip (${config.APP_URL})` })
        : createGazetteerGeocoder();
      return geocoder;
    },
    get stripe() {
      stripe ??= createStripeClient(stripeClientConfig(config));
      return stripe;
    },
    waitUntil(task) {
      pending.push(
        task.catch((error: unknown) => logger.error("background task failed", errorFields(error))),
      );
    },
    async runPostCommit() {
      const events = database?.events.take() ?? [];
      if (events.length === 0) return;
      // This isolate's copies of what changed go first, so its next read is the fresh one.
      for (const change of invalidationsFor(events)) {
        if (change.cache === "listingView") isolate.listingViews.forget(change.listingId);
      }
      await runPostCommit(events, {
        db: services.db,
        publisher: services.publisher,
        log: logger,
        cacheRedis: services.redis,
        rooms,
        relay: (task) => services.waitUntil(task),
      });
    },
  };

  const drain = async () => {
    // A backstop: whatever committed after the last step (a task run after the answer) is relayed too.
    await services
      .runPostCommit()
      .catch((error: unknown) => logger.error("post-commit failed", errorFields(error)));
    // Tasks may enqueue more tasks (a relay after a commit), so loop until quiet.
    while (pending.length > 0) await Promise.allSettled(pending.splice(0));
    ending = true;
    if (database)
      await database.pool.end().catch((error: unknown) => logger.warn("pool end failed", errorFields(error)));
  };

  return {
    services,
    dispose(waitUntil) {
      // Nothing opened and nothing running (a cached read): there is nothing to hand over.
      if (!database && pending.length === 0) return;
      waitUntil(drain());
    },
  };
}
