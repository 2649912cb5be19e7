import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedRedis, startEmbeddedRedis } from "../src/embedded-redis/server.ts";

let server: EmbeddedRedis;
let redis: Redis;

beforeAll(async () => {
  server = await startEmbeddedRedis();
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis.disconnect();
  await server.close();
});

/** What the bridge suites do not reach: bytes through Lua, SCAN under deletes, expiry in ms. */
describe("embedded Redis", () => {
  it("keeps binary values intact through a Lua script, both ways", async () => {
    const value = Buffer.from([0, 255, 10, 0, 0xc3]);
    await redis.set("bin", value);
    expect(await redis.callBuffer("EVAL", "return redis.call('GET', KEYS[1])", 1, "bin")).toEqual(value);
    await redis.eval("return redis.call('SET', KEYS[1], ARGV[1])", 1, "bin2", value);
    expect(await redis.getBuffer("bin2")).toEqual(value);
  });

  it("converts replies as Redis does and reports script errors with the script's line", async () => {
    expect(await redis.eval("return {1, 'two', false, 3.9, {ok='fine'}, nil, 'never'}", 0)).toEqual([
      1,
      "two",
      null,
      3,
      "fine",
    ]);
    expect(await redis.eval("return redis.call('GET', 'no-such-key')", 0)).toBeNull();
    await expect(redis.eval("local x = nil\nreturn x.y", 0)).rejects.toThrow(/user_script:2:/);
    await redis.set("text", "abc");
    await expect(redis.eval("return redis.call('INCR', 'text')", 0)).rejects.toThrow(/not an integer/);
    expect(await redis.eval("return redis.pcall('INCR', 'text')['err']", 0)).toMatch(/not an integer/);
  });

  it("returns every key present throughout a SCAN even when pages delete what they saw", async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `scan:${String(i).padStart(2, "0")}`);
    await redis.mset(...keys.flatMap((k) => [k, "1"]));
    const seen: string[] = [];
    let cursor = "0";
    do {
      const [next, page] = await redis.scan(cursor, "MATCH", "scan:*", "COUNT", 7);
      seen.push(...page);
      if (page.length > 0) await redis.del(...page);
      cursor = next;
    } while (cursor !== "0");
    expect(seen.sort()).toEqual(keys);
  });

  it("expires keys at the millisecond and drops the TTL on overwrite", async () => {
    await redis.set("short", "v", "PX", 150);
    expect(await redis.pttl("short")).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await redis.exists("short")).toBe(0);
    await redis.set("kept", "v", "EX", 100);
    await redis.set("kept", "w");
    expect(await redis.ttl("kept")).toBe(-1);
    expect(await redis.set("kept", "x", "NX")).toBeNull();
  });

  it("aborts a transaction whose queued command was refused, running none of it", async () => {
    const results = redis.multi().set("tx", "1").call("NOSUCH").exec();
    await expect(results).rejects.toThrow(/EXECABORT/);
    expect(await redis.exists("tx")).toBe(0);
  });
});
