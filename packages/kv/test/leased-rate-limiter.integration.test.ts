import { startTestRedis, type TestRedis } from "@hometrip/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLeasedRateLimiter, type LeaseBook } from "../src/index.ts";

let testRedis: TestRedis;
beforeAll(async () => {
  testRedis = await startTestRedis({ name: "kv-lease" });
});
afterAll(() => testRedis.close());

/** Counts Redis calls by wrapping eval, the one command the limiter sends. */
function countingRedis() {
  const counter = { calls: 0 };
  const redis = new Proxy(testRedis.redis, {
    get(target, property, receiver) {
      if (property === "eval") {
        return (...args: Parameters<typeof target.eval>) => {
          counter.calls += 1;
          return target.eval(...args);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
  return { redis, counter };
}

describe("createLeasedRateLimiter", () => {
  const at = Date.UTC(2030, 0, 1, 12, 0, 30);

  it("refuses exactly where the plain limiter would, with one round trip per lease", async () => {
    const { redis, counter } = countingRedis();
    const book: LeaseBook = new Map();
    const limiter = createLeasedRateLimiter(redis, {
      prefix: `${testRedis.prefix}lease-a`,
      limit: 100,
      window: "1 m",
      lease: 10,
      book,
      now: () => at,
    });
    const outcomes: boolean[] = [];
    for (let i = 0; i < 101; i++) outcomes.push((await limiter.limit("ip")).success);
    expect(outcomes.indexOf(false)).toBe(100);
    // The opening lease is spent without asking; then one trip per lease, and the refusal.
    expect(counter.calls).toBe(10);
  });

  it("lets isolates together pass the limit by at most one opening lease each", async () => {
    const prefix = `${testRedis.prefix}lease-b`;
    const isolate = () =>
      createLeasedRateLimiter(testRedis.redis, {
        prefix,
        limit: 30,
        window: "1 m",
        lease: 8,
        book: new Map(),
        now: () => at,
      });
    const [a, b, c] = [isolate(), isolate(), isolate()];
    let allowed = 0;
    for (let round = 0; round < 20; round++) {
      for (const limiter of [a, b, c]) if ((await limiter.limit("ip")).success) allowed += 1;
    }
    expect(allowed).toBeLessThanOrEqual(30 + 3 * 8);
    expect(allowed).toBeGreaterThanOrEqual(30 - 2 * 8);
    // Whatever was admitted is in Redis' count by the time each isolate was refused.
    const counted = Number(await testRedis.redis.get(`${prefix}:ip:${Math.floor(at / 60_000)}`));
    expect(counted).toBeGreaterThanOrEqual(allowed - 3 * 8);
  });

  it("spends a batch's rate at once and shrinks the lease near the limit", async () => {
    const limiter = createLeasedRateLimiter(testRedis.redis, {
      prefix: `${testRedis.prefix}lease-c`,
      limit: 10,
      window: "1 m",
      lease: 4,
      book: new Map(),
      now: () => at,
    });
    expect((await limiter.limit("ip", { rate: 8 })).success).toBe(true);
    expect((await limiter.limit("ip", { rate: 3 })).success).toBe(false);
    expect((await limiter.limit("ip", { rate: 2 })).success).toBe(true);
    expect((await limiter.limit("ip")).success).toBe(false);
  });

  it("asks nothing of Redis for a key seen a few times", async () => {
    const { redis, counter } = countingRedis();
    const limiter = createLeasedRateLimiter(redis, {
      prefix: `${testRedis.prefix}lease-e`,
      limit: 600,
      window: "1 m",
      lease: 30,
      book: new Map(),
      now: () => at,
    });
    for (let visitor = 0; visitor < 50; visitor++) {
      for (let i = 0; i < 5; i++) expect((await limiter.limit(`10.0.0.${visitor}`)).success).toBe(true);
    }
    expect(counter.calls).toBe(0);
  });

  it("starts a fresh lease in the next window", async () => {
    let now = at;
    const limiter = createLeasedRateLimiter(testRedis.redis, {
      prefix: `${testRedis.prefix}lease-d`,
      limit: 3,
      window: "1 m",
      lease: 3,
      book: new Map(),
      now: () => now,
    });
    for (let i = 0; i < 3; i++) expect((await limiter.limit("ip")).success).toBe(true);
    expect((await limiter.limit("ip")).success).toBe(false);
    now += 2 * 60_000;
    expect((await limiter.limit("ip")).success).toBe(true);
  });
});
