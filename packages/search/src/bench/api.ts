import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startNeonTunnel, startQStashBroker, startRedisBridge } from "@hometrip/devstack";

export interface BenchApi {
  url: string;
  redis: { url: string; token: string };
  close(): Promise<void>;
}

const redisToken = "bench-redis-token";

/**
 * The API Worker under `wrangler dev` (workerd), wired to the same local stand-ins `bun run dev`
 * uses (Neon WebSocket tunnel and SQL-over-HTTP endpoint, Upstash REST bridge, QStash broker),
 * all on free ports. As under dev, search misses go over the HTTP endpoint.
 */
export async function startBenchApi(opts: {
  root: string;
  databaseUrl: string;
  redisUrl: string;
  log: (line: string) => void;
}): Promise<BenchApi> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    const target = new URL(opts.databaseUrl);
    const tunnel = await startNeonTunnel({ port: 0, allow: [`${target.hostname}:${target.port || "5432"}`] });
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

    const port = await freePort();
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
      APP_URL: "http://localhost:3000",
      JWT_SIGNING_KEYS: "bench-1:bench-jwt-signing-secret-0123456789abcdef",
      TOTP_ENCRYPTION_KEY: btoa("bench-totp-encryption-key-32byte"),
    };
    const child = spawn(
      join(opts.root, "edge/api/node_modules/.bin/wrangler"),
      [
        "dev",
        "--config",
        join(opts.root, "wrangler.toml"),
        "--port",
        String(port),
        "--ip",
        "127.0.0.1",
        "--inspector-port",
        "0",
        "--show-interactive-dev-session=false",
        ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
      ],
      {
        cwd: opts.root,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          TMPDIR: process.env.TMPDIR,
          WRANGLER_SEND_METRICS: "false",
          CLOUDFLARE_CF_FETCH_ENABLED: "false",
          NO_UPDATE_NOTIFIER: "1",
          FORCE_COLOR: "0",
        },
      },
    );
    const output: string[] = [];
    // Request logs are drained but not printed: they would drown the figures.
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    cleanups.push(() => stopGroup(child));
    const url = `http://127.0.0.1:${port}`;
    await waitUntilUp(`${url}/trpc/system.version`, child, () => output.slice(-20).join(""));
    opts.log(`api (wrangler dev, workerd) on ${url}`);
    return { url, redis: { url: bridge.url, token: redisToken }, close };
  } catch (error) {
    await close();
    throw error;
  }
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
