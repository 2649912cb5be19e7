import { createHash } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, type BridgeFixture, startBridgeFixture } from "./redis-bridge-fixture.ts";

let fx: BridgeFixture;

type Limiter = ConstructorParameters<typeof Ratelimit>[0]["limiter"];

const algorithms: Array<{ name: string; limiter: Limiter; windowMs: number }> = [
  { name: "slidingWindow", limiter: Ratelimit.slidingWindow(3, "10 s"), windowMs: 10_000 },
  { name: "fixedWindow", limiter: Ratelimit.fixedWindow(3, "10 s"), windowMs: 10_000 },
  { name: "tokenBucket", limiter: Ratelimit.tokenBucket(1, "10 s", 3), windowMs: 10_000 },
];

function limiterFor(limiter: Limiter, prefix: string): Ratelimit {
  return new Ratelimit({ redis: fx.sdk(), limiter, prefix });
}

describe.each(BACKENDS)("through the bridge to %s Redis", (backend) => {
  beforeAll(async () => {
    fx = await startBridgeFixture(backend);
  });
  afterAll(() => fx.close());

  describe.each(algorithms)("@upstash/ratelimit $name", ({ name, limiter, windowMs }) => {
    it("allows the limit, rejects the next request, and reports a reset within the window", async () => {
      const ratelimit = limiterFor(limiter, `${fx.prefix}${name}:basic`);
      // A burst that straddles a window boundary lets the sliding window weigh the old window down
      // and admit a fourth call; start the burst well inside a window.
      const intoWindow = Date.now() % windowMs;
      if (intoWindow > windowMs - 2000) await new Promise((r) => setTimeout(r, windowMs - intoWindow + 50));
      const before = Date.now();
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await ratelimit.limit("guest-1"));
      expect(results.map((r) => r.success)).toEqual([true, true, true, false]);
      expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
      for (const result of results) {
        expect(result.limit).toBe(3);
        expect(result.reset).toBeGreaterThan(before);
        expect(result.reset).toBeLessThanOrEqual(Date.now() + windowMs);
      }
      expect((await ratelimit.limit("guest-2")).success).toBe(true);
    });

    it("shares the count between two limiter instances", async () => {
      const prefix = `${fx.prefix}${name}:shared`;
      const edgeA = limiterFor(limiter, prefix);
      const edgeB = limiterFor(limiter, prefix);
      expect((await edgeA.limit("host-9")).success).toBe(true);
      expect((await edgeB.limit("host-9")).success).toBe(true);
      expect((await edgeA.limit("host-9")).success).toBe(true);
      expect((await edgeB.limit("host-9")).success).toBe(false);
      expect(await edgeA.getRemaining("host-9")).toMatchObject({ remaining: 0 });
      await edgeA.resetUsedTokens("host-9");
      // edgeB keeps its own in-memory record of the block until `reset`; edgeA asks Redis again.
      expect((await edgeA.limit("host-9")).success).toBe(true);
    });
  });

  describe("Lua scripts", () => {
    it("allows again once a fixed window has passed", async () => {
      const ratelimit = limiterFor(Ratelimit.fixedWindow(1, "1 s"), `${fx.prefix}short`);
      expect((await ratelimit.limit("u")).success).toBe(true);
      const rejected = await ratelimit.limit("u");
      expect(rejected.success).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, rejected.reset - Date.now()) + 50));
      // A new instance: the rejected one remembers the block in its in-memory cache until `reset`.
      expect(
        (await limiterFor(Ratelimit.fixedWindow(1, "1 s"), `${fx.prefix}short`).limit("u")).success,
      ).toBe(true);
    });

    it("finds scripts by the hash the client computed, so EVALSHA hits after the first EVAL", async () => {
      const redis = fx.sdk();
      const script = `#!lua flags=allow-key-locking\nreturn redis.call("INCRBY", KEYS[1], ARGV[1])`;
      const clientSha = createHash("sha1").update(script).digest("hex");
      expect(await redis.scriptExists(clientSha)).toEqual([0]);
      expect(await redis.eval(script, [`${fx.prefix}lua`], ["5"])).toBe(5);
      expect(await redis.scriptExists(clientSha)).toEqual([1]);
      expect(await redis.evalsha(clientSha, [`${fx.prefix}lua`], ["2"])).toBe(7);
      const loaded = `#!lua flags=allow-key-locking,no-writes\nreturn ARGV[1]`;
      expect(await redis.scriptLoad(loaded)).toBe(createHash("sha1").update(loaded).digest("hex"));
      expect(await redis.evalsha(createHash("sha1").update(loaded).digest("hex"), [], ["hi"])).toBe("hi");
    });

    it("answers NOSCRIPT for a hash nobody loaded", async () => {
      await expect(fx.sdk().evalsha("0".repeat(40), [], [])).rejects.toThrow(/NOSCRIPT/);
    });
  });
});
