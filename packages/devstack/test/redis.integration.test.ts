import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolveRedis } from "../src/redis.ts";

const UNREACHABLE = "redis://127.0.0.1:1";
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "hometrip-resolve-redis-"));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

async function answersPing(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

describe("resolveRedis", () => {
  it("uses REDIS_URL when it answers", async () => {
    const redis = await resolveRedis({ redisUrl: "redis://127.0.0.1:6379", dataDir, localUrl: UNREACHABLE });
    expect(redis).toMatchObject({ kind: "url", url: "redis://127.0.0.1:6379" });
    await redis.close();
    expect(await answersPing(redis.url)).toBe(true);
  });

  it("stops with an error naming REDIS_URL when it does not answer, without falling back", async () => {
    await expect(resolveRedis({ redisUrl: "redis://:secret@127.0.0.1:1", dataDir })).rejects.toThrow(
      /^REDIS_URL \(redis:\/\/:\*\*\*@127\.0\.0\.1:1\) does not answer PING/,
    );
  });

  it("uses the local Redis when one answers", async () => {
    const redis = await resolveRedis({ dataDir });
    expect(redis).toMatchObject({ kind: "local", url: "redis://127.0.0.1:6379" });
    await redis.close();
  });

  it("spawns redis-server under the data dir when nothing answers, and close() stops it", async () => {
    const lines: string[] = [];
    const redis = await resolveRedis({ dataDir, localUrl: UNREACHABLE, log: (line) => lines.push(line) });
    expect(redis.kind).toBe("spawned");
    expect(redis.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    expect(redis.url).not.toBe("redis://127.0.0.1:6379");
    const client = new Redis(redis.url);
    await client.set("spawned", "yes");
    expect(await client.get("spawned")).toBe("yes");
    client.disconnect();
    expect(lines.some((line) => line.includes("started redis-server"))).toBe(true);

    await redis.close();
    expect(await answersPing(redis.url)).toBe(false);
    // Stopped with SIGTERM, so it wrote its snapshot into the data dir.
    expect(await readdir(join(dataDir, "redis"))).toContain("dump.rdb");
  });

  it("falls back to the embedded Redis when there is none at all, saying how to get a real one", async () => {
    const lines: string[] = [];
    const redis = await resolveRedis({
      dataDir,
      localUrl: UNREACHABLE,
      redisServerBin: "redis-server-not-installed",
      log: (line) => lines.push(line),
    });
    try {
      expect(redis.kind).toBe("embedded");
      const client = new Redis(redis.url);
      await client.set("embedded", "yes", "EX", 60);
      expect(await client.get("embedded")).toBe("yes");
      client.disconnect();
      expect(lines.join("\n")).toMatch(/embedded Redis.*apt-get install redis-server.*brew install redis/s);
    } finally {
      await redis.close();
    }
    expect(await answersPing(redis.url)).toBe(false);
  });

  it("uses the embedded Redis when REDIS_MODE asks for it, even with a Redis answering", async () => {
    const redis = await resolveRedis({ dataDir, mode: "embedded" });
    expect(redis.kind).toBe("embedded");
    expect(redis.url).not.toBe("redis://127.0.0.1:6379");
    expect(await answersPing(redis.url)).toBe(true);
    await redis.close();
  });
});
