import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DevstackEnv } from "@hometrip/config";
import { migrate } from "@hometrip/db/migrate";
import { devVapidKeys } from "../channels/dev-vapid.ts";
import { startChannelStandIns } from "../channels/index.ts";
import { startNeonTunnel } from "../neon-tunnel.ts";
import { devOAuthClients, devOAuthSettings } from "../oidc/dev-clients.ts";
import { startOidcProvider } from "../oidc/index.ts";
import { resolvePostgres } from "../postgres.ts";
import { startQStashBroker } from "../qstash/index.ts";
import { resolveRedis } from "../redis.ts";
import { startRedisBridge } from "../redis-bridge/index.ts";
import { startStripeStandIn } from "../stripe/index.ts";
import { type Log, prefixedLog } from "./log.ts";
import { type ManagedProcess, startProcess, waitForHttp } from "./process.ts";
import { apiLaunch, type Launch, realtimeLaunch, webLaunch } from "./runtimes.ts";
import { deploySchedules, ensureDemoPhotos, seedOnFirstRun } from "./setup.ts";
import { type StartScope, stoppableStart } from "./start-scope.ts";

export type StackUrls = Record<
  | "api"
  | "web"
  | "realtime"
  | "workers"
  | "postgres"
  | "neonTunnel"
  | "neonHttp"
  | "redisBridge"
  | "qstash"
  | "stripe"
  | "channels",
  string
>;
export { StackStoppedError } from "./start-scope.ts";

export type RunningStack = {
  urls: StackUrls;
  postgresKind: string;
  redisKind: string;
  stop(): Promise<void>;
};

type DevStackOptions = {
  root: string;
  seed?: boolean;
  onCrash?: (name: string) => void;
  /** Next's build folder inside apps/web; a second stack (e2e) needs its own, next dev locks it. */
  webDistDir?: string;
};

/**
 * The local platform, stoppable at any moment (see stoppableStart): `stop` during `start` stops
 * what is already running and resolves once every child process is gone.
 */
export function createDevStack(
  env: DevstackEnv,
  opts: DevStackOptions,
): { start(): Promise<RunningStack>; stop(): Promise<void> } {
  return stoppableStart((scope, stop) => runStack(env, opts, scope, stop));
}

/** Starts the stack; `stop` on what it returns (or a failure) stops everything it started. */
export function startDevStack(env: DevstackEnv, opts: DevStackOptions): Promise<RunningStack> {
  return createDevStack(env, opts).start();
}

/**
 * Brings the local platform up in dependency order: data stores, the stand-ins in front of them,
 * schema and demo data, then the three runtimes, each awaited until healthy.
 */
async function runStack(
  env: DevstackEnv,
  opts: DevStackOptions,
  scope: StartScope,
  stop: () => Promise<void>,
): Promise<RunningStack> {
  const dataDir = resolve(opts.root, env.HOMETRIP_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const log = (name: string, index: number): Log => prefixedLog(name, index);
  const devLog = log("dev", 0);
  devLog("starting Postgres…");
  const pg = await resolvePostgres({
    databaseUrl: env.DATABASE_URL,
    dataDir,
    pglitePort: env.PGLITE_PORT,
    dbName: env.HOMETRIP_DB_NAME,
    mode: env.POSTGRES_MODE,
    log: log("postgres", 1),
  });
  scope.own({ name: "postgres", close: pg.close });
  const tunnel = await startNeonTunnel({
    port: env.NEON_TUNNEL_PORT,
    allow: [`${pg.host}:${pg.port}`],
    // PGlite serves one client at a time: its pooled connection must not sit idle holding it.
    // A real Postgres gets warm backends lent per connection, as behind Neon's pooled endpoint.
    ...(pg.kind === "pglite" ? { sqlPool: { max: 1, idleTimeoutMillis: 200 } } : { sessionPool: {} }),
    log: log("tunnel", 2),
  });
  scope.own({ name: "tunnel", close: tunnel.close });

  devLog("starting Redis and the Upstash REST bridge…");
  const redis = await resolveRedis({
    redisUrl: env.REDIS_URL,
    dataDir,
    mode: env.REDIS_MODE,
    log: log("redis", 3),
  });
  scope.own({ name: "redis", close: redis.close });
  const bridge = await startRedisBridge({
    port: env.REDIS_BRIDGE_PORT,
    redisUrl: redis.url,
    token: env.UPSTASH_REDIS_REST_TOKEN,
    log: log("redis", 3),
  });
  scope.own({ name: "bridge", close: bridge.close });

  devLog("starting the QStash broker…");
  const broker = await startQStashBroker({
    port: env.QSTASH_PORT,
    dataDir,
    token: env.QSTASH_TOKEN,
    currentSigningKey: env.QSTASH_CURRENT_SIGNING_KEY,
    nextSigningKey: env.QSTASH_NEXT_SIGNING_KEY,
    log: log("qstash", 4),
  });
  scope.own({ name: "qstash", close: broker.close });
  // Webhooks go to the API's endpoint; until the API is up they fail and are retried.
  const stripe =
    env.STRIPE_MODE === "stripe"
      ? undefined
      : await startStripeStandIn({
          port: env.STRIPE_PORT,
          dataDir,
          secretKey: env.STRIPE_SECRET_KEY,
          publishableKey: env.STRIPE_PUBLISHABLE_KEY,
          webhook: {
            url: `http://127.0.0.1:${env.API_PORT}/webhooks/stripe`,
            secret: env.STRIPE_WEBHOOK_SECRET,
          },
          log: log("stripe", 4),
        });
  if (stripe) scope.own({ name: "stripe", close: stripe.close });
  // Google and GitHub sign-in against a local provider; any email typed there signs in, verified.
  const webOrigins = [`http://localhost:${env.WEB_PORT}`, `http://127.0.0.1:${env.WEB_PORT}`];
  const oidc = await startOidcProvider({ clients: devOAuthClients(webOrigins), log: log("oidc", 4) });
  scope.own({ name: "oidc", close: oidc.close });
  // Web Push and Twilio SMS land here; /dev/sms in the web app lists the texts.
  const channels = await startChannelStandIns({ host: env.DEV_HOST, log: log("channels", 4) });
  scope.own({ name: "channels", close: channels.close });
  const vapid = devVapidKeys(dataDir);

  scope.checkpoint();
  devLog("applying migrations…");
  await migrate(pg.url, { log: devLog });
  scope.checkpoint();
  if (opts.seed !== false) {
    await seedOnFirstRun(pg.url, env.SEED, devLog);
    await ensureDemoPhotos(opts.root, devLog);
  }
  scope.checkpoint();

  const urls: StackUrls = {
    api: `http://127.0.0.1:${env.API_PORT}`,
    web: `http://localhost:${env.WEB_PORT}`,
    realtime: `http://127.0.0.1:${env.REALTIME_PORT}`,
    workers: `http://127.0.0.1:${env.WORKERS_PORT}`,
    postgres: redactPassword(pg.url),
    neonTunnel: `ws://${tunnel.wsProxy}`,
    neonHttp: tunnel.httpEndpoint,
    redisBridge: bridge.url,
    qstash: broker.url,
    stripe: stripe?.url ?? "https://api.stripe.com (STRIPE_MODE=stripe)",
    channels: channels.url,
  };
  const shared = {
    APP_ENV: "development",
    DATABASE_URL: pg.url,
    NEON_WS_PROXY: tunnel.wsProxy,
    QSTASH_URL: broker.url,
    QSTASH_TOKEN: env.QSTASH_TOKEN,
    EVENTS_DESTINATION_URL: urls.workers,
    STRIPE_SECRET_KEY: env.STRIPE_SECRET_KEY,
    ...(stripe ? { STRIPE_API_BASE: stripe.url } : {}),
    UNSUBSCRIBE_SIGNING_KEY: env.UNSUBSCRIBE_SIGNING_KEY,
    // PGlite serves one client at a time: one connection per pool, released soon after use.
    ...(pg.kind === "pglite" ? { DATABASE_POOL_MAX: "1", DATABASE_IDLE_TIMEOUT_MS: "200" } : {}),
  };
  const childEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    TURBO_TELEMETRY_DISABLED: "1",
    WRANGLER_SEND_METRICS: "false",
    NO_UPDATE_NOTIFIER: "1",
    FORCE_COLOR: "0",
  };
  const crashed = (name: string) => () => {
    if (!scope.stopped()) {
      devLog(`${name} exited unexpectedly`);
      opts.onCrash?.(name);
    }
  };

  const workers = scope.owned(
    startProcess({
      name: "workers",
      command: process.execPath.includes("bun") ? process.execPath : "bun",
      args: ["src/main.ts"],
      cwd: join(opts.root, "workers"),
      env: {
        ...childEnv,
        ...shared,
        WORKERS_PORT: String(env.WORKERS_PORT),
        WORKERS_HOST: env.DEV_HOST,
        QSTASH_CURRENT_SIGNING_KEY: env.QSTASH_CURRENT_SIGNING_KEY,
        QSTASH_NEXT_SIGNING_KEY: env.QSTASH_NEXT_SIGNING_KEY,
        UPSTASH_REDIS_REST_URL: bridge.url,
        UPSTASH_REDIS_REST_TOKEN: env.UPSTASH_REDIS_REST_TOKEN,
        APP_URL: urls.web,
        API_PUBLIC_URL: urls.api,
        EMAIL_TRANSPORT: "dev",
        REALTIME_URL: urls.realtime,
        REALTIME_INTERNAL_TOKEN: env.REALTIME_INTERNAL_TOKEN,
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        TWILIO_API_URL: channels.twilio.apiUrl,
        TWILIO_ACCOUNT_SID: channels.twilio.accountSid,
        TWILIO_AUTH_TOKEN: channels.twilio.authToken,
        TWILIO_FROM: channels.twilio.from,
        METRICS_TOKEN: env.METRICS_TOKEN,
        ...(env.BOOKING_REQUEST_RESPONSE_SECONDS
          ? { BOOKING_REQUEST_RESPONSE_SECONDS: String(env.BOOKING_REQUEST_RESPONSE_SECONDS) }
          : {}),
        ...(env.NOTIFY_AWAY_DELAY_SECONDS
          ? { NOTIFY_AWAY_DELAY_SECONDS: String(env.NOTIFY_AWAY_DELAY_SECONDS) }
          : {}),
      },
      log: log("workers", 5),
      onExit: crashed("workers"),
    }),
  );

  const apiVars = {
    ...shared,
    // Guest search over the tunnel's POST /sql, as production does with Neon's own endpoint here.
    NEON_HTTP_ENDPOINT: tunnel.httpEndpoint,
    UPSTASH_REDIS_REST_URL: bridge.url,
    UPSTASH_REDIS_REST_TOKEN: env.UPSTASH_REDIS_REST_TOKEN,
    ADMIN_API_TOKEN: env.ADMIN_API_TOKEN,
    ROOM_TOKEN_SECRET: env.ROOM_TOKEN_SECRET,
    REALTIME_PUBLIC_URL: urls.realtime,
    // The ops page's worker panel reads the workers' /metrics with the token Prometheus would use.
    METRICS_TOKEN: env.METRICS_TOKEN,
    WORKERS_METRICS_URL: urls.workers,
    CORS_ORIGINS: `${urls.web},http://127.0.0.1:${env.WEB_PORT}`,
    APP_URL: urls.web,
    JWT_SIGNING_KEYS: env.JWT_SIGNING_KEYS,
    TOTP_ENCRYPTION_KEY: env.TOTP_ENCRYPTION_KEY,
    STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET,
    VAPID_PUBLIC_KEY: vapid.publicKey,
    ...devOAuthSettings(oidc),
  };
  const runtime = { root: opts.root, dataDir, host: env.DEV_HOST, inspect: env.DEV_INSPECT };
  const launch = (name: string, index: number, how: Launch) => {
    scope.checkpoint();
    return scope.owned(
      startProcess({
        name,
        ...how,
        env: { ...childEnv, ...how.env },
        log: log(name, index),
        onExit: crashed(name),
      }),
    );
  };
  const api = launch("api", 6, apiLaunch({ ...runtime, port: env.API_PORT, vars: apiVars }));
  const realtime = launch(
    "realtime",
    7,
    realtimeLaunch({
      ...runtime,
      port: env.REALTIME_PORT,
      vars: {
        APP_ENV: "development",
        ROOM_TOKEN_SECRET: env.ROOM_TOKEN_SECRET,
        REALTIME_INTERNAL_TOKEN: env.REALTIME_INTERNAL_TOKEN,
      },
    }),
  );
  const web = launch(
    "web",
    8,
    webLaunch({
      ...runtime,
      port: env.WEB_PORT,
      distDir: opts.webDistDir,
      apiUrl: urls.api,
      // STRIPE_MODE=stripe: the browser confirms against Stripe itself with the real test key.
      stripe: {
        apiBase: stripe?.url ?? "https://api.stripe.com",
        publishableKey: env.STRIPE_PUBLISHABLE_KEY,
      },
      channelsUrl: channels.url,
    }),
  );

  // A stop asked for meanwhile ends the wait at once, like a runtime that exited.
  const alive = (p: ManagedProcess) => () =>
    !scope.stopped() && p.child.exitCode === null && p.child.signalCode === null;
  await Promise.all([
    waitForHttp("workers", `${urls.workers}/health`, { isAlive: alive(workers) }),
    waitForHttp("api", `${urls.api}/health`, { isAlive: alive(api), timeoutMs: 120_000 }),
    waitForHttp("realtime", `${urls.realtime}/health`, { isAlive: alive(realtime) }),
    // The first request compiles the route, which takes a while on a cold cache.
    waitForHttp("web", `${urls.web}/health`, { isAlive: alive(web), timeoutMs: 120_000 }),
  ]);
  scope.checkpoint();
  await deploySchedules({
    root: opts.root,
    qstashUrl: broker.url,
    token: env.QSTASH_TOKEN,
    workersUrl: urls.workers,
  });
  scope.checkpoint();
  return { urls, postgresKind: pg.kind, redisKind: redis.kind, stop };
}

function redactPassword(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "****";
  return u.toString();
}
