import type { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, type BridgeFixture, startBridgeFixture } from "./redis-bridge-fixture.ts";

let fx: BridgeFixture;
let redis: Redis;
let k: (name: string) => string;

describe.each(BACKENDS)("@upstash/redis through the bridge to %s Redis", (backend) => {
  beforeAll(async () => {
    fx = await startBridgeFixture(backend);
    redis = fx.sdk();
    k = (name) => `${fx.prefix}${name}`;
  });
  afterAll(() => fx.close());

  it("sets, gets, increments and deletes strings", async () => {
    expect(await redis.set(k("greeting"), "hello")).toBe("OK");
    expect(await redis.get(k("greeting"))).toBe("hello");
    expect(await redis.incr(k("visits"))).toBe(1);
    expect(await redis.incrby(k("visits"), 41)).toBe(42);
    expect(await redis.del(k("greeting"), k("visits"), k("never-set"))).toBe(2);
    expect(await redis.get(k("greeting"))).toBeNull();
  });

  it("round-trips JSON values the SDK serializes", async () => {
    const listing = {
      id: 7,
      title: "Loft by the canal",
      tags: ["wifi", "kitchen"],
      price: { amount: 12900 },
    };
    await redis.set(k("listing"), listing);
    expect(await redis.get(k("listing"))).toEqual(listing);
  });

  it("round-trips non-ASCII and binary-ish strings byte for byte", async () => {
    const values = [
      "Zürich — 東京 — São Paulo 🏠",
      "tab\tnew\nline\r\0nul",
      "\u0001\u007f\u00ff",
      " OK",
      "T0s=",
      "OK",
    ];
    for (const [index, value] of values.entries()) {
      await redis.set(k(`odd:${index}`), value);
      expect(await redis.get(k(`odd:${index}`))).toBe(value);
    }
    await redis.set(k("ключ/with spaces"), "значение");
    expect(await redis.get(k("ключ/with spaces"))).toBe("значение");
  });

  it("expires keys and reports their TTL", async () => {
    await redis.set(k("session"), "s1", { ex: 100 });
    const ttl = await redis.ttl(k("session"));
    expect(ttl).toBeGreaterThan(90);
    expect(ttl).toBeLessThanOrEqual(100);
    await redis.set(k("plain"), "p");
    expect(await redis.ttl(k("plain"))).toBe(-1);
    expect(await redis.expire(k("plain"), 1)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await redis.get(k("plain"))).toBeNull();
    expect(await redis.ttl(k("plain"))).toBe(-2);
  });

  it("stores and reads hashes", async () => {
    expect(await redis.hset(k("host"), { name: "Ana", listings: 3, city: "Lisboa" })).toBe(3);
    expect(await redis.hget(k("host"), "name")).toBe("Ana");
    expect(await redis.hgetall(k("host"))).toEqual({ name: "Ana", listings: 3, city: "Lisboa" });
    expect(await redis.hincrby(k("host"), "listings", 2)).toBe(5);
    expect(await redis.hgetall(k("missing-hash"))).toBeNull();
  });

  it("orders sorted sets and returns scores", async () => {
    await redis.zadd(k("ranking"), { score: 4.5, member: "paris" }, { score: 4.9, member: "kyoto" });
    await redis.zadd(k("ranking"), { score: 3.1, member: "oslo" });
    expect(await redis.zrange(k("ranking"), 0, -1)).toEqual(["oslo", "paris", "kyoto"]);
    expect(await redis.zrange(k("ranking"), 0, 0, { rev: true, withScores: true })).toEqual(["kyoto", 4.9]);
    expect(await redis.zscore(k("ranking"), "paris")).toBe(4.5);
  });

  it("scans keys by pattern across cursors", async () => {
    const names = Array.from({ length: 30 }, (_, i) => k(`scan:${i}`));
    await Promise.all(names.map((name) => redis.set(name, 1)));
    const seen = new Set<string>();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, { match: k("scan:*"), count: 7 });
      for (const key of keys) seen.add(key);
      cursor = String(next);
    } while (cursor !== "0");
    expect([...seen].sort()).toEqual([...names].sort());
  });

  it("runs pipelines and reports a failing command without losing the others", async () => {
    await redis.set(k("text"), "not a number");
    const results = await redis
      .pipeline()
      .set(k("p1"), "a")
      .incr(k("text"))
      .get(k("p1"))
      .exec({ keepErrors: true });
    expect(results.map((r) => r.result)).toEqual(["OK", undefined, "a"]);
    expect(results[1]?.error).toMatch(/not an integer/);
    await expect(redis.pipeline().get(k("p1")).incr(k("text")).exec()).rejects.toThrow(
      /Command 2 \[ incr \] failed/,
    );
  });

  it("keeps concurrent commands correct under auto-pipelining", async () => {
    await Promise.all(Array.from({ length: 50 }, () => redis.incr(k("concurrent"))));
    expect(await redis.get(k("concurrent"))).toBe(50);
  });

  it("runs MULTI/EXEC transactions atomically", async () => {
    // If commands of different transactions interleaved, some pair's two halves would be split.
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        fx.sdk().multi().rpush(k("journal"), `${i}:begin`).rpush(k("journal"), `${i}:end`).exec(),
      ),
    );
    const journal = await redis.lrange(k("journal"), 0, -1);
    expect(journal).toHaveLength(50);
    for (let at = 0; at < journal.length; at += 2) {
      const id = journal[at]!.split(":")[0];
      expect([journal[at], journal[at + 1]]).toEqual([`${id}:begin`, `${id}:end`]);
    }
    expect(await redis.multi().set(k("tx"), 1).incr(k("tx")).get(k("tx")).exec()).toEqual(["OK", 2, 2]);
  });

  it("applies the rest of a transaction when one command fails at run time, as Redis does", async () => {
    await redis.set(k("tx-text"), "abc");
    await expect(redis.multi().incr(k("tx-text")).set(k("tx-after"), "done").exec()).rejects.toThrow(
      /not an integer/,
    );
    expect(await redis.get(k("tx-after"))).toBe("done");
  });

  it("rejects a wrong token", async () => {
    await expect(fx.sdk({ token: "wrong-token" }).get(k("anything"))).rejects.toThrow(/WRONGPASS/);
  });

  it("surfaces Redis errors for unknown commands", async () => {
    await expect(redis.exec(["NOSUCHCOMMAND", k("x")])).rejects.toThrow(/unknown command/i);
  });

  it("hands the SDK a read-your-writes sync token", async () => {
    await redis.set(k("ryw"), "v");
    expect(redis.readYourWritesSyncToken).toMatch(/^\d+$/);
    expect(await redis.get(k("ryw"))).toBe("v");
  });
});
