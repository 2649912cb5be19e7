import { type ChildProcess, spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { Redis } from "ioredis";
import { startEmbeddedRedis } from "./embedded-redis/server.ts";
import { freePort } from "./free-ports.ts";
import { redactUrl } from "./redis-bridge/index.ts";

export interface ResolveRedisOptions {
  /** REDIS_URL; when set it must answer, with no fallback. */
  redisUrl?: string;
  /** A spawned redis-server keeps its data under `<dataDir>/redis`. */
  dataDir: string;
  log?: (line: string) => void;
  /** Where to look for an already running Redis; tests point it somewhere unreachable. */
  localUrl?: string;
  /** The redis-server executable, looked up on PATH by default. */
  redisServerBin?: string;
  /** REDIS_MODE: "embedded" skips the search and uses the in-process Redis. */
  mode?: "auto" | "embedded";
}

export interface ResolvedRedis {
  kind: "url" | "local" | "spawned" | "embedded";
  url: string;
  close(): Promise<void>;
}

const DEFAULT_LOCAL_URL = "redis://127.0.0.1:6379";
const INSTALL_HINT =
  "Install Redis (Debian/Ubuntu: `sudo apt-get install redis-server`, macOS: `brew install redis`) " +
  "or set REDIS_URL to a Redis you can reach, for data that outlives a restart.";

/**
 * REDIS_URL if set; else a Redis already answering on localhost; else a redis-server started here;
 * else, on a machine with no Redis at all, the embedded in-memory one (as PGlite is for Postgres).
 */
export async function resolveRedis(opts: ResolveRedisOptions): Promise<ResolvedRedis> {
  const log = opts.log ?? (() => {});
  const nothingToClose = async () => {};
  if (opts.mode === "embedded") return embedded(log);
  if (opts.redisUrl) {
    const failure = await pingFailure(opts.redisUrl);
    if (failure) throw new Error(`REDIS_URL (${redactUrl(opts.redisUrl)}) does not answer PING: ${failure}`);
    log(`using REDIS_URL ${redactUrl(opts.redisUrl)}`);
    return { kind: "url", url: opts.redisUrl, close: nothingToClose };
  }
  const localUrl = opts.localUrl ?? DEFAULT_LOCAL_URL;
  if (!(await pingFailure(localUrl))) {
    log(`using the Redis answering on ${redactUrl(localUrl)}`);
    return { kind: "local", url: localUrl, close: nothingToClose };
  }
  const spawned = await spawnRedisServer(
    opts.redisServerBin ?? "redis-server",
    join(opts.dataDir, "redis"),
    log,
  );
  if (spawned) return spawned;
  log(`no Redis: nothing answers on ${redactUrl(localUrl)} and redis-server is not on PATH`);
  log(`using the embedded Redis; its data lasts until dev stops. ${INSTALL_HINT}`);
  return embedded(log);
}

async function embedded(log: (line: string) => void): Promise<ResolvedRedis> {
  const redis = await startEmbeddedRedis({ log });
  return { kind: "embedded", url: redis.url, close: redis.close };
}

/** Undefined when the Redis at `url` answers PING, else why not. */
async function pingFailure(url: string): Promise<string | undefined> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_500,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    client.disconnect();
  }
}

/** A redis-server on a free port, or undefined when there is no such executable. */
async function spawnRedisServer(
  bin: string,
  dir: string,
  log: (line: string) => void,
): Promise<ResolvedRedis | undefined> {
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  // Snapshots keep dev data across restarts; Redis only holds what may be rebuilt, so no AOF.
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--save",
    "60 1",
    "--appendonly",
    "no",
  ];
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      output.push(line);
      log(line);
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const url = `redis://127.0.0.1:${port}`;
  const started = await waitUntilAnswering(child, url);
  if (started !== "ready") {
    child.kill("SIGKILL");
    if (started === "missing") return undefined;
    throw new Error(`redis-server did not start (${started}). Its output:\n${output.slice(-20).join("\n")}`);
  }
  log(`started redis-server (pid ${child.pid}) on ${url}, data in ${dir}`);
  return { kind: "spawned", url, close: () => stopProcess(child) };
}

type StartResult = "ready" | "missing" | string;

async function waitUntilAnswering(child: ChildProcess, url: string): Promise<StartResult> {
  let exit: StartResult | undefined;
  child.once("error", (error: NodeJS.ErrnoException) => {
    exit = error.code === "ENOENT" ? "missing" : error.message;
  });
  child.once("exit", (code, signal) => {
    exit ??= `exited with ${signal ?? `code ${code}`}`;
  });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (exit !== undefined) return exit;
    if (!(await pingFailure(url))) return "ready";
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return exit ?? "no answer within 10s";
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // SIGTERM lets redis-server write its snapshot; SIGKILL only if it hangs.
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
