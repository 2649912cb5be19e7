import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { freePort, startNeonTunnel, startQStashBroker, startRedisBridge } from "@hometrip/devstack";
import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";

export interface BenchApi {
  url: string;
  redis: { url: string; token: string };
  /** What answers `url`, for the report. */
  describe: string;
  close(): Promise<void>;
}

/**
 * `workerd`: the bundle `wrangler deploy` would upload, run by workerd through Miniflare (as
 * @cloudflare/vitest-pool-workers runs it for the tests), so requests reach the Worker as they do
 * in production. `wrangler-dev`: the Worker under `wrangler dev`, behind its proxy worker and dev
 * middleware, as `bun run dev` serves it.
 */
export type BenchRuntime = "workerd" | "wrangler-dev";

const redisToken = "bench-redis-token";

/**
 * The API Worker in workerd, wired to the same local stand-ins `bun run dev` uses (Neon WebSocket
 * tunnel and SQL-over-HTTP endpoint, Upstash REST bridge, QStash broker), all on free ports. As
 * under dev, search misses go over the HTTP endpoint.
 */
export async function startBenchApi(opts: {
  root: string;
  databaseUrl: string;
  redisUrl: string;
  runtime: BenchRuntime;
  log: (line: string) => void;
  /** Settings beyond (or instead of) the defaults below, e.g. a Stripe stand-in's STRIPE_API_BASE. */
  vars?: Record<string, string>;
  /** Caps the tunnel's database connections, as Neon's pooled endpoint queues clients beyond its pool. */
  maxDatabaseConnections?: number;
  /**
   * Default true: the tunnel lends warm Postgres backends (session pooling), as Neon's pooled
   * endpoint does in production; false starts a backend per Worker request (the direct endpoint).
   */
  sessionPool?: boolean;
}): Promise<BenchApi> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    const target = new URL(opts.databaseUrl);
    const tunnel = await startNeonTunnel({
      port: 0,
      allow: [`${target.hostname}:${target.port || "5432"}`],
      ...(opts.maxDatabaseConnections && { maxConnections: opts.maxDatabaseConnections }),
      ...(opts.sessionPool !== false && { sessionPool: {} }),
    });
    cleanups.push(() => tunnel.close());
    const bridge = await startRedisBridge({ port: 0, redisUrl: opts.redisUrl, token: redisToken });
    cleanups.push(() => bridge.close());
    const dataDir = await mkdtemp(join(tmpdir(), "hometrip-bench-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const broker = await startQStashBroker({
      port: 0,
      dataDir,
      token: "bench-qstash-token",
      currentSigningKey: "sig_bench_current_00000000000",
      nextSigningKey: "sig_bench_next_000000000000000",
    });
    cleanups.push(() => broker.close());

    const vars: Record<string, string> = {
      APP_ENV: "development",
      APP_VERSION: "bench",
      DATABASE_URL: opts.databaseUrl,
      NEON_WS_PROXY: tunnel.wsProxy,
      NEON_HTTP_ENDPOINT: tunnel.httpEndpoint,
      UPSTASH_REDIS_REST_URL: bridge.url,
      UPSTASH_REDIS_REST_TOKEN: redisToken,
      QSTASH_URL: broker.url,
      QSTASH_TOKEN: "bench-qstash-token",
      EVENTS_DESTINATION_URL: "http://127.0.0.1:9",
      CORS_ORIGINS: "http://localhost:3000",
      ADMIN_API_TOKEN: "bench-admin-token-0123456789abcdef",
      // Search never reaches Stripe; the settings only have to be well-formed.
      STRIPE_SECRET_KEY: "sk_test_bench_0123456789abcdef",
      STRIPE_WEBHOOK_SECRET: "whsec_bench_0123456789abcdef",
      ROOM_TOKEN_SECRET: "bench-room-token-secret-0123456789abcdef",
      REALTIME_PUBLIC_URL: "http://127.0.0.1:9",
      APP_URL: "http://localhost:3000",
      JWT_SIGNING_KEYS: "bench-1:bench-jwt-signing-secret-0123456789abcdef",
      TOTP_ENCRYPTION_KEY: btoa("bench-totp-encryption-key-32byte"),
      UNSUBSCRIBE_SIGNING_KEY: "bench-unsubscribe-signing-key-0123456789",
      ...opts.vars,
    };
    const started =
      opts.runtime === "workerd"
        ? await startInWorkerd(opts.root, dataDir, vars, opts.log)
        : await startUnderWranglerDev(opts.root, vars);
    cleanups.push(started.close);
    opts.log(`api (${started.describe}) on ${started.url}`);
    return {
      url: started.url,
      describe: started.describe,
      redis: { url: bridge.url, token: redisToken },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

interface StartedWorker {
  url: string;
  describe: string;
  close(): Promise<unknown>;
}

const wranglerEnv = () => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  TMPDIR: process.env.TMPDIR,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  NO_UPDATE_NOTIFIER: "1",
  FORCE_COLOR: "0",
});
const wranglerBin = (root: string) => join(root, "edge/api/node_modules/.bin/wrangler");

/**
 * Builds the Worker exactly as `wrangler deploy` would (minified bundle, wrangler.toml's
 * compatibility date, flags and bindings) and serves it from workerd with Miniflare. Its logs are
 * drained, as Workers Logs would take them, not printed over the figures.
 */
async function startInWorkerd(
  root: string,
  dataDir: string,
  vars: Record<string, string>,
  log: (line: string) => void,
): Promise<StartedWorker> {
  const configPath = join(root, "wrangler.toml");
  const outDir = join(dataDir, "bundle");
  log("building the Worker bundle (wrangler deploy --dry-run)");
  await run(wranglerBin(root), ["deploy", "--dry-run", "--config", configPath, "--outdir", outDir], root);
  const scriptPath = join(outDir, "index.js");
  const { workerOptions } = unstable_getMiniflareWorkerOptions(configPath);
  const miniflare = new Miniflare({
    name: "hometrip-api",
    compatibilityDate: workerOptions.compatibilityDate,
    compatibilityFlags: workerOptions.compatibilityFlags,
    modulesRoot: outDir,
    // One self-contained module: listing it skips Miniflare's import walk, which stops at the
    // bundle's dynamic `import()`s of node built-ins.
    modules: [{ type: "ESModule", path: scriptPath, contents: await readFile(scriptPath, "utf8") }],
    bindings: { ...workerOptions.bindings, ...vars },
    r2Buckets: Object.keys(workerOptions.r2Buckets ?? {}),
    r2Persist: join(dataDir, "r2"),
    host: "127.0.0.1",
    port: 0,
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      stdout.resume();
      stderr.resume();
    },
  });
  let url: string;
  try {
    url = (await miniflare.ready).origin;
  } catch (error) {
    await miniflare.dispose().catch(() => {});
    throw error;
  }
  return { url, describe: "deploy bundle in workerd via Miniflare", close: () => miniflare.dispose() };
}

/** `wrangler dev`: its proxy worker and dev middleware sit in front of ours, as under `bun run dev`. */
async function startUnderWranglerDev(root: string, vars: Record<string, string>): Promise<StartedWorker> {
  const port = await freePort();
  const child = spawn(
    wranglerBin(root),
    [
      "dev",
      "--config",
      join(root, "wrangler.toml"),
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--inspector-port",
      "0",
      "--show-interactive-dev-session=false",
      ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
    ],
    { cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"], env: wranglerEnv() },
  );
  const output: string[] = [];
  // Request logs are drained but not printed: they would drown the figures.
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(`${url}/trpc/system.version`, child, () => output.slice(-20).join(""));
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return { url, describe: "wrangler dev, workerd", close: () => stopGroup(child) };
}

/** Runs a command to completion; a failure carries the end of its output. */
function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: wranglerEnv() });
    const output: string[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output.join("").slice(-2000)}`),
          ),
    );
  });
}

async function waitUntilUp(url: string, child: ChildProcess, tail: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${tail()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`wrangler dev did not answer at ${url}:\n${tail()}`);
}

async function stopGroup(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}
