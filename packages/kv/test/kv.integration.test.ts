import { startTestRedis, type TestRedis } from "@hometrip/testkit";
import { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cached, createRateLimiter, createRedis } from "../src/index.ts";

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

describe("cached", () => {
  it("loads once and serves the stored value until the TTL", async () => {
    let loads = 0;
    const load = async () => {
      loads += 1;
      return { listingId: "l-1", nightly: 12_900 };
    };
    const key = `${prefix}cache:listing`;
    expect(await cached(redis, key, 60, load)).toEqual({ listingId: "l-1", nightly: 12_900 });
    expect(await cached(redis, key, 60, load)).toEqual({ listingId: "l-1", nightly: 12_900 });
    expect(loads).toBe(1);
    const ttl = await redis.ttl(key);
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
      expect(await cached(redis, `${prefix}cache:${name}`, 60, load)).toEqual(value);
      expect(await cached(redis, `${prefix}cache:${name}`, 60, load)).toEqual(value);
      expect(loads).toBe(1);
    }
  });

  it("loads again after the entry expires", async () => {
    let loads = 0;
    const load = async () => ++loads;
    expect(await cached(redis, `${prefix}cache:short`, 1, load)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await cached(redis, `${prefix}cache:short`, 1, load)).toBe(2);
  });

  it("reads entries through a client without automatic deserialization", async () => {
    await cached(redis, `${prefix}cache:raw`, 60, async () => ({ a: 1 }));
    const raw = new Redis({ url, token, automaticDeserialization: false });
    expect(await cached(raw, `${prefix}cache:raw`, 60, async () => ({ a: 2 }))).toEqual({ a: 1 });
  });
});
