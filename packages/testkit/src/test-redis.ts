import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveRedis, startRedisBridge } from "@hometrip/devstack";
import { Redis } from "@upstash/redis";

export interface TestRedis {
  /** Upstash REST client on the devstack bridge, the path production code takes. */
  redis: Redis;
  /** The bridge's address and token, as UPSTASH_REDIS_REST_URL / _TOKEN for a spawned process. */
  url: string;
  token: string;
  /** Unique per call; every key the test writes goes under it and is deleted on close. */
  prefix: string;
  close(): Promise<void>;
}

/**
 * The local Redis (127.0.0.1:6379, else a spawned redis-server) behind the REST bridge. `name`
 * labels the token and the key prefix (`test:<name>:<uuid>:`). Code that
 * writes unprefixed keys (a spawned `src/main.ts`) gets a logical `database` of its own.
 */
export async function startTestRedis(opts: { database?: number; name?: string } = {}): Promise<TestRedis> {
  const dataDir = await mkdtemp(join(tmpdir(), "hometrip-test-redis-"));
  const local = await resolveRedis({ dataDir });
  const token = `${opts.name ?? "test"}-redis-token`;
  const redisUrl =
    opts.database === undefined ? local.url : `${local.url.replace(/\/\d*$/, "")}/${opts.database}`;
  const bridge = await startRedisBridge({ port: 0, redisUrl, token });
  const redis = new Redis({ url: bridge.url, token });
  const prefix = `test:${opts.name ?? "test"}:${randomUUID()}:`;
  return {
    redis,
    url: bridge.url,
    token,
    prefix,
    async close() {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, { match: `${prefix}*`, count: 500 });
        if (keys.length > 0) await redis.del(...keys);
        cursor = String(next);
      } while (cursor !== "0");
      await bridge.close();
      await local.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
