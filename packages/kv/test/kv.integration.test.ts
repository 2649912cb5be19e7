import { startTestRedis, type TestRedis } from "@hometrip/testkit";
import { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter, createRedis, versionedCache } from "../src/index.ts";

let testRedis: TestRedis;
let url: string;
let token: string;
let redis: Redis;
let prefix: string;

beforeAll(async () => {
  testRedis = await startTestRedis({ name: "kv" });
  ({ url, token, prefix } = testRedis);
  // The client under test, made the way production code makes it.
  redis = createRedis({ url, token });
});
afterAll(() => testRedis.close());

describe("createRedis", () => {
  it("returns an Upstash client that reads and writes", async () => {
    expect(redis).toBeInstanceOf(Redis);
    await redis.set(`${prefix}hello`, { city: "Porto" });
    expect(await redis.get(`${prefix}hello`)).toEqual({ city: "Porto" });
  });

  it("fails when the token is wrong", async () => {
    await expect(createRedis({ url, token: "not-the-token" }).get(`${prefix}hello`)).rejects.toThrow(
      /WRONGPASS/,
    );
  });
});

describe("createRateLimiter", () => {
  it.each(["slidingWindow", "fixedWindow"] as const)("enforces the limit with %s", async (algorithm) => {
    const limiter = createRateLimiter(redis, {
      prefix: `${prefix}rl:${algorithm}`,
      limit: 2,
      window: "30 s",
      algorithm,
    });
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await limiter.limit("guest")).success);
    expect(outcomes).toEqual([true, true, false]);
  });

  it("slides on the clock it is given: the previous slot weighs less as the window moves on", async () => {
    const window = 60_000;
    const slotStart = Math.floor(Date.now() / window) * window;
    let now = slotStart + 1_000;
    const limiter = createRateLimiter(redis, {
      prefix: `${prefix}rl:clock`,
      limit: 4,
      window: "1 m",
      now: () => now,
    });
    const spend = async (times: number) => {
      const outcomes = [];
      for (let i = 0; i < times; i++) outcomes.push((await limiter.limit("guest")).success);
      return outcomes;
    };
    expect(await spend(5)).toEqual([true, true, true, true, false]);
    const refused = await limiter.limit("guest");
    expect(refused.reset).toBe(slotStart + window);
    // A quarter into the next slot, three quarters of the previous slot's 4 still count: 3.
    now = slotStart + window + window / 4;
    expect(await spend(2)).toEqual([true, false]);
    // Two slots on, nothing of the first remains.
    now = slotStart + 3 * window;
    expect(await spend(5)).toEqual([true, true, true, true, false]);
  });

  it("spends a batch's rate at once, and refuses a batch that would pass the limit without spending it", async () => {
    const limiter = createRateLimiter(redis, { prefix: `${prefix}rl:rate`, limit: 10, window: "1 m" });
    expect((await limiter.limit("ip", { rate: 8 })).remaining).toBe(2);
    expect((await limiter.limit("ip", { rate: 3 })).success).toBe(false);
    expect((await limiter.limit("ip", { rate: 2 })).success).toBe(true);
    expect((await limiter.limit("ip")).success).toBe(false);
  });

  it("shares counts within a prefix and keeps prefixes apart", async () => {
    const login = () => createRateLimiter(redis, { prefix: `${prefix}rl:login`, limit: 1, window: "30 s" });
    const search = createRateLimiter(redis, { prefix: `${prefix}rl:search`, limit: 1, window: "30 s" });
    expect((await login().limit("1.2.3.4")).success).toBe(true);
    expect((await login().limit("1.2.3.4")).success).toBe(false);
    expect((await search.limit("1.2.3.4")).success).toBe(true);
  });
});

describe("versionedCache", () => {
  const cacheOf = <T>(client: Redis = redis, ttlSeconds = 60) =>
    versionedCache<T>(client, { name: `${prefix}cache`, ttlSeconds });

  it("loads once and serves the stored value until the TTL", async () => {
    let loads = 0;
    const load = async () => {
      loads += 1;
      return { listingId: "l-1", nightly: 12_900 };
    };
    const cache = cacheOf<{ listingId: string; nightly: number }>();
    expect(await cache.read("l-1", "view", load)).toEqual({
      value: { listingId: "l-1", nightly: 12_900 },
      cache: "miss",
    });
    expect(await cache.read("l-1", "view", load)).toEqual({
      value: { listingId: "l-1", nightly: 12_900 },
      cache: "hit",
    });
    expect(loads).toBe(1);
    const ttl = await redis.ttl(`${prefix}cache:l-1:0:view`);
    expect(ttl).toBeGreaterThan(50);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it("keeps value types exactly, including numeric strings and null", async () => {
    for (const [name, value] of [
      ["numeric-string", "123"],
      ["number", 123],
      ["null", null],
      ["text", "Zürich 🏠"],
      ["list", [1, "2", { three: 3 }]],
    ] as const) {
      let loads = 0;
      const load = async () => {
        loads += 1;
        return value;
      };
      const cache = cacheOf<unknown>();
      expect((await cache.read("types", name, load)).value).toEqual(value);
      expect(await cache.read("types", name, load)).toEqual({ value, cache: "hit" });
      expect(loads).toBe(1);
    }
  });

  it("invalidating a scope drops its entries and leaves other scopes", async () => {
    const cache = cacheOf<number>();
    let loads = 0;
    const load = async () => ++loads;
    await cache.read("a", "x", load);
    await cache.read("b", "x", load);
    await cache.invalidate("a");
    expect(await cache.read("a", "x", load)).toEqual({ value: 3, cache: "miss" });
    expect(await cache.read("b", "x", load)).toEqual({ value: 2, cache: "hit" });
  });

  it("stores nothing a caller calls unstorable", async () => {
    const cache = cacheOf<string>();
    const storable = (value: string) => value !== "draft";
    expect((await cache.read("s", "e", async () => "draft", { storable })).cache).toBe("uncacheable");
    expect((await cache.read("s", "e", async () => "published", { storable })).cache).toBe("miss");
    expect((await cache.read("s", "e", async () => "other", { storable })).cache).toBe("hit");
  });

  it("answers from the loader when Redis fails", async () => {
    const broken = createRedis({ url, token: "not-the-token" });
    const errors: unknown[] = [];
    const read = await cacheOf<number>(broken).read("s", "e", async () => 7, {
      onError: (e) => errors.push(e),
    });
    expect(read).toEqual({ value: 7, cache: "bypass" });
    expect(errors).toHaveLength(1);
  });

  it("loads again after the entry expires", async () => {
    let loads = 0;
    const load = async () => ++loads;
    const cache = cacheOf<number>(redis, 1);
    expect((await cache.read("short", "e", load)).value).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect((await cache.read("short", "e", load)).value).toBe(2);
  });

  it("reads entries through a client without automatic deserialization", async () => {
    await cacheOf<{ a: number }>().read("raw", "e", async () => ({ a: 1 }));
    const raw = new Redis({ url, token, automaticDeserialization: false });
    expect((await cacheOf<{ a: number }>(raw).read("raw", "e", async () => ({ a: 2 }))).value).toEqual({
      a: 1,
    });
  });
});
