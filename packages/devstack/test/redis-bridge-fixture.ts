import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "@upstash/redis";
import { Redis as IORedis } from "ioredis";
import { resolveRedis } from "../src/redis.ts";
import { startRedisBridge } from "../src/redis-bridge/index.ts";

export const TOKEN = "test-bridge-token";

export interface BridgeFixture {
  bridgeUrl: string;
  redisUrl: string;
  /** Every key a test writes starts with this, so parallel suites never collide. */
  prefix: string;
  sdk(options?: { token?: string }): Redis;
  /** Deletes every key under the prefix, stops the bridge and any Redis started for the test. */
  close(): Promise<void>;
}

/** What the bridge's suites run against: a real Redis, and the embedded one a fresh machine gets. */
export const BACKENDS = ["redis", "embedded"] as const;
export type Backend = (typeof BACKENDS)[number];

/**
 * A bridge over the local Redis (or a redis-server started for the test when none answers), or
 * over the embedded in-process Redis.
 */
export async function startBridgeFixture(backend: Backend = "redis"): Promise<BridgeFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), "hometrip-redis-"));
  const redis = await resolveRedis({ dataDir, mode: backend === "embedded" ? "embedded" : "auto" });
  if (backend === "redis" && redis.kind === "embedded") throw new Error("no real Redis for the bridge tests");
  const bridge = await startRedisBridge({ redisUrl: redis.url, token: TOKEN });
  const prefix = `test:${randomUUID()}:`;
  return {
    bridgeUrl: bridge.url,
    redisUrl: redis.url,
    prefix,
    // Retries would turn a refused request into seconds of backoff; tests want the first answer.
    sdk: (options) => new Redis({ url: bridge.url, token: options?.token ?? TOKEN, retry: false }),
    async close() {
      await deleteKeys(redis.url, `${prefix}*`);
      await bridge.close();
      await redis.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const client = new IORedis(redisUrl);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", pattern, "COUNT", 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}

/** POSTs to the bridge without the SDK, to check the wire format itself. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` },
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json(), headers: res.headers };
}
