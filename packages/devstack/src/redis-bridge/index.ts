import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { CommandExecutor } from "./executor.ts";
import { createBridgeHandler } from "./http.ts";
import { ScriptRegistry } from "./scripts.ts";
import { TransactionConnections } from "./transaction-connections.ts";

export interface RedisBridgeOptions {
  /** 0 or unset picks a free port. */
  port?: number;
  redisUrl: string;
  /** Bearer token clients must present, as UPSTASH_REDIS_REST_TOKEN. */
  token: string;
  log?: (line: string) => void;
}

export interface RedisBridge {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the Upstash Redis REST API on 127.0.0.1, backed by the Redis at `redisUrl`. */
export async function startRedisBridge(opts: RedisBridgeOptions): Promise<RedisBridge> {
  const log = opts.log ?? (() => {});
  const redis = new Redis(opts.redisUrl, {
    lazyConnect: true,
    // Fail fast while Redis is away instead of queueing: /health and callers then see a 503 at once.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  redis.on("error", (error: Error) => log(`redis: ${error.message}`));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Redis bridge cannot reach Redis at ${redactUrl(opts.redisUrl)}: ${reason}`);
  }

  const transactions = new TransactionConnections(redis, log);
  const executor = new CommandExecutor(redis, new ScriptRegistry(), transactions);
  const handler = createBridgeHandler({ executor, token: opts.token, log });
  const server = createServer((req, res) => void handler(req, res));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  }).catch((error: unknown) => {
    redis.disconnect();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  log(`Upstash REST bridge on http://127.0.0.1:${port} → ${redactUrl(opts.redisUrl)}`);

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets from fetch would hold close() open until they time out.
      server.closeAllConnections?.();
      await closed;
      transactions.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<invalid url>";
  }
}
