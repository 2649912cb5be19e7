import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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
    env: { CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  };
}

const partykitLoopback = fileURLToPath(new URL("./partykit-loopback.mjs", import.meta.url));

/**
 * The rooms under `partykit dev`. partykit takes its vars from a config file as well as from
 * `--var`, so the internal token rides in a 0600 copy of partykit.json. partykit has no option
 * for its address nor for its inspectors; partykit-loopback.mjs supplies both.
 */
export function realtimeLaunch(
  opts: RuntimeOptions & { port: number; vars: Record<string, string> },
): Launch {
  const config = JSON.parse(readFileSync(join(opts.root, "partykit.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const configFile = writePrivateFile(
    join(opts.dataDir, "private", "partykit.json"),
    JSON.stringify({ ...config, main: join(opts.root, String(config.main)), vars: opts.vars }, null, 2),
  );
  return {
    command: join(opts.root, "edge/realtime/node_modules/.bin/partykit"),
    args: [
      "dev",
      "--config",
      configFile,
      "--port",
      String(opts.port),
      "--persist",
      join(opts.dataDir, "partykit"),
      // Without it partykit asks workers.cloudflare.com for `request.cf` and prints ENOTFOUND offline.
      "--disable-request-cf-fetch",
    ],
    cwd: opts.root,
    env: {
      NODE_OPTIONS: `--import=${partykitLoopback}`,
      PARTYKIT_DEV_HOST: opts.host,
      PARTYKIT_DEV_INSPECTOR: opts.inspect ? "1" : "0",
    },
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
  opts: RuntimeOptions & { port: number; distDir?: string; apiUrl: string; channelsUrl?: string },
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
      ...(opts.channelsUrl ? { DEV_CHANNELS_URL: opts.channelsUrl } : {}),
      ...(opts.distDir ? { NEXT_DIST_DIR: opts.distDir } : {}),
    },
    stopGraceMs: 60_000,
  };
}
