import { join } from "node:path";
import { serializeEnvFile, writePrivateFile } from "./env-file.ts";

/** How one runtime is started: what `startProcess` runs, and the environment on top of the shared one. */
export type Launch = {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  stopGraceMs?: number;
};

export type RuntimeOptions = {
  root: string;
  /** Settings only the owner may read are written under here (`<data dir>/private`). */
  dataDir: string;
  /** Where the four runtimes listen: 127.0.0.1 unless DEV_HOST opens them up. */
  host: string;
  /** DEV_INSPECT: open the runtimes' inspectors (on `host`). */
  inspect: boolean;
};

/**
 * The API under `wrangler dev`. Its settings hold signing keys and OAuth secrets, so they go in
 * a 0600 env file passed with `--env-file`, not as `--var` arguments that `ps` shows to anyone.
 * wrangler 4.86 cannot run without its devtools inspector; unless asked it listens on a free
 * port of 127.0.0.1, never on `host`.
 */
export function apiLaunch(opts: RuntimeOptions & { port: number; vars: Record<string, string> }): Launch {
  const envFile = writePrivateFile(join(opts.dataDir, "private", "api.env"), serializeEnvFile(opts.vars));
  return {
    command: join(opts.root, "edge/api/node_modules/.bin/wrangler"),
    args: [
      "dev",
      "--config",
      join(opts.root, "wrangler.toml"),
      "--env-file",
      envFile,
      "--port",
      String(opts.port),
      "--ip",
      opts.host,
      "--inspector-ip",
      opts.inspect ? opts.host : "127.0.0.1",
      "--inspector-port",
      opts.inspect ? "9229" : "0",
      "--show-interactive-dev-session=false",
    ],
    cwd: opts.root,
    // Offline, fetching the `request.cf` placeholder only prints a DNS error at start-up.
    env: { CLOUDFLARE_CF_FETCH_ENABLED: "false", ...devRegistryEnv(opts.dataDir) },
  };
}

/**
 * Both Workers run under `wrangler dev` with one dev registry of the stack's own (under the data
 * dir, not ~/.wrangler, so two stacks on one machine never bind each other's rooms): through it the
 * API's Durable Object bindings with `script_name = "hometrip-realtime"` reach the rooms.
 */
export const devRegistryEnv = (dataDir: string) => ({
  WRANGLER_REGISTRY_PATH: join(dataDir, "wrangler-registry"),
});

/**
 * The rooms under `wrangler dev` (edge/realtime/wrangler.toml), their secrets in a 0600 env file
 * like the API's. Its own inspector, when asked, listens on 9231.
 */
export function realtimeLaunch(
  opts: RuntimeOptions & { port: number; vars: Record<string, string> },
): Launch {
  const envFile = writePrivateFile(
    join(opts.dataDir, "private", "realtime.env"),
    serializeEnvFile(opts.vars),
  );
  return {
    command: join(opts.root, "edge/realtime/node_modules/.bin/wrangler"),
    args: [
      "dev",
      "--config",
      join(opts.root, "edge/realtime/wrangler.toml"),
      "--env-file",
      envFile,
      "--port",
      String(opts.port),
      "--ip",
      opts.host,
      "--inspector-ip",
      opts.inspect ? opts.host : "127.0.0.1",
      "--inspector-port",
      opts.inspect ? "9231" : "0",
      "--persist-to",
      join(opts.dataDir, "realtime"),
      "--show-interactive-dev-session=false",
    ],
    cwd: join(opts.root, "edge/realtime"),
    env: { CLOUDFLARE_CF_FETCH_ENABLED: "false", ...devRegistryEnv(opts.dataDir) },
  };
}

/**
 * `next dev` in apps/web, on `host` instead of every interface, with `--inspect` only when asked.
 *
 * Stopping it lets Turbopack shut down (`__NEXT_DEV_WAIT_FOR_TURBOPACK_SHUTDOWN=1`, Next's own
 * switch; by default `next dev` SIGKILLs its server 100 ms after a stop signal), so the orchestrator
 * gives the group a minute. Turbopack's dev cache on disk is off (apps/web/next.config.ts): a start
 * that restored it, even after a clean stop, put every page in an endless "HMR hash mismatch" reload.
 */
export function webLaunch(
  opts: RuntimeOptions & {
    port: number;
    distDir?: string;
    apiUrl: string;
    channelsUrl?: string;
    /** The Stripe API base and publishable key the checkout page gives the browser. */
    stripe?: { apiBase: string; publishableKey: string };
  },
): Launch {
  return {
    command: join(opts.root, "apps/web/node_modules/.bin/next"),
    args: [
      "dev",
      "--port",
      String(opts.port),
      "--hostname",
      opts.host,
      ...(opts.inspect ? [`--inspect=${opts.host}:9230`] : []),
    ],
    cwd: join(opts.root, "apps/web"),
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      __NEXT_DEV_WAIT_FOR_TURBOPACK_SHUTDOWN: "1",
      API_URL: opts.apiUrl,
      ...(opts.stripe
        ? { STRIPE_BROWSER_API_BASE: opts.stripe.apiBase, STRIPE_PUBLISHABLE_KEY: opts.stripe.publishableKey }
        : {}),
      ...(opts.channelsUrl ? { DEV_CHANNELS_URL: opts.channelsUrl } : {}),
      ...(opts.distDir ? { NEXT_DIST_DIR: opts.distDir } : {}),
    },
    stopGraceMs: 60_000,
  };
}
