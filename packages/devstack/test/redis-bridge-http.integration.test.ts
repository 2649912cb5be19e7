import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveRedis } from "../src/redis.ts";
import { startRedisBridge } from "../src/redis-bridge/index.ts";
import { BACKENDS, type BridgeFixture, post, startBridgeFixture, TOKEN } from "./redis-bridge-fixture.ts";

let fx: BridgeFixture;
const auth = { authorization: `Bearer ${TOKEN}` };
const base64 = { ...auth, "upstash-encoding": "base64" };
const b64 = (text: string) => Buffer.from(text).toString("base64");

describe.each(BACKENDS)("Upstash REST wire format over %s Redis", (backend) => {
  beforeAll(async () => {
    fx = await startBridgeFixture(backend);
  });
  afterAll(() => fx.close());

  it("answers /health without a token", async () => {
    const res = await fetch(`${fx.bridgeUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("refuses requests without the bearer token, and accepts it as _token", async () => {
    expect(await post(fx.bridgeUrl, ["ping"], {})).toMatchObject({
      status: 401,
      body: { error: "WRONGPASS invalid or missing auth token" },
    });
    const wrong = await post(fx.bridgeUrl, ["ping"], { authorization: "Bearer nope" });
    expect(wrong.status).toBe(401);
    const res = await fetch(`${fx.bridgeUrl}/ping?_token=${TOKEN}`);
    expect(await res.json()).toEqual({ result: "PONG" });
  });

  it("answers plain JSON by default and base64 when asked, leaving integers and nulls alone", async () => {
    const key = `${fx.prefix}wire`;
    expect((await post(fx.bridgeUrl, ["set", key, "héllo"])).body).toEqual({ result: "OK" });
    expect((await post(fx.bridgeUrl, ["get", key])).body).toEqual({ result: "héllo" });
    expect((await post(fx.bridgeUrl, ["get", key], base64)).body).toEqual({ result: b64("héllo") });
    expect((await post(fx.bridgeUrl, ["strlen", key], base64)).body).toEqual({ result: 6 });
    expect((await post(fx.bridgeUrl, ["get", `${key}:none`], base64)).body).toEqual({ result: null });
    await post(fx.bridgeUrl, ["rpush", `${key}:list`, "a", "ü"]);
    const list = await post(fx.bridgeUrl, ["lrange", `${key}:list`, 0, -1], base64);
    expect(list.body).toEqual({ result: [b64("a"), b64("ü")] });
  });

  it("supports the path form with query options and a POST body as the last argument", async () => {
    const key = `${fx.prefix}path/with slash`;
    const path = `${fx.bridgeUrl}/set/${encodeURIComponent(key)}/hello%20world?EX=100`;
    expect(await (await fetch(path, { headers: auth })).json()).toEqual({ result: "OK" });
    const got = await fetch(`${fx.bridgeUrl}/get/${encodeURIComponent(key)}`, { headers: auth });
    expect(await got.json()).toEqual({ result: "hello world" });
    const ttl = await fetch(`${fx.bridgeUrl}/ttl/${encodeURIComponent(key)}`, { headers: auth });
    expect(((await ttl.json()) as { result: number }).result).toBeGreaterThan(90);
    const body = JSON.stringify({ note: "raw body" });
    await fetch(`${fx.bridgeUrl}/set/${encodeURIComponent(key)}`, { method: "POST", headers: auth, body });
    const raw = await fetch(`${fx.bridgeUrl}/get/${encodeURIComponent(key)}`, { headers: auth });
    expect(await raw.json()).toEqual({ result: body });
  });

  it("answers Redis errors as 400 { error }", async () => {
    const key = `${fx.prefix}text`;
    await post(fx.bridgeUrl, ["set", key, "abc"]);
    const res = await post(fx.bridgeUrl, ["incr", key]);
    expect(res).toMatchObject({
      status: 400,
      body: { error: "ERR value is not an integer or out of range" },
    });
    expect(await post(fx.bridgeUrl, ["nosuch"])).toMatchObject({
      status: 400,
      body: { error: /unknown command/ },
    });
    const malformed = await fetch(fx.bridgeUrl, { method: "POST", headers: auth, body: "{not json" });
    expect(malformed.status).toBe(400);
    expect(await post(fx.bridgeUrl, [])).toMatchObject({ status: 400, body: { error: /non-empty/ } });
    expect((await fetch(fx.bridgeUrl, { method: "DELETE", headers: auth })).status).toBe(405);
    expect((await fetch(`${fx.bridgeUrl}/ping`, { method: "HEAD", headers: auth })).status).toBe(200);
  });

  it("refuses blocking commands and bare MULTI on the shared connection", async () => {
    const blpop = await post(fx.bridgeUrl, ["blpop", `${fx.prefix}q`, "1"]);
    expect(blpop).toMatchObject({ status: 400, body: { error: /blocking command 'BLPOP'/ } });
    const xread = await post(fx.bridgeUrl, ["xread", "block", "100", "streams", `${fx.prefix}s`, "$"]);
    expect(xread).toMatchObject({ status: 400, body: { error: /blocking/ } });
    expect(await post(fx.bridgeUrl, ["multi"])).toMatchObject({ status: 400, body: { error: /multi-exec/ } });
    expect(await post(fx.bridgeUrl, ["select", "2"])).toMatchObject({ status: 400 });
  });

  it("answers pipelines per command with { result } or { error }", async () => {
    const key = `${fx.prefix}pipe`;
    const res = await post(`${fx.bridgeUrl}/pipeline`, [
      ["set", key, "x"],
      ["incr", key],
      ["blpop", key, "0"],
      ["get", key],
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { result: "OK" },
      { error: "ERR value is not an integer or out of range" },
      { error: expect.stringMatching(/blocking/) },
      { result: "x" },
    ]);
  });

  it("discards a whole transaction when Redis refuses a queued command", async () => {
    const key = `${fx.prefix}execabort`;
    const res = await post(`${fx.bridgeUrl}/multi-exec`, [
      ["set", key, "1"],
      ["nosuch", key],
    ]);
    expect(res).toMatchObject({ status: 400, body: { error: /^EXECABORT.*unknown command/ } });
    expect((await post(fx.bridgeUrl, ["exists", key])).body).toEqual({ result: 0 });
    const ok = await post(
      `${fx.bridgeUrl}/multi-exec`,
      [
        ["set", key, "1"],
        ["incr", key],
      ],
      base64,
    );
    expect(ok.body).toEqual([{ result: "OK" }, { result: 2 }]);
  });

  it("returns a changing upstash-sync-token header", async () => {
    const first = (await post(fx.bridgeUrl, ["ping"])).headers.get("upstash-sync-token");
    const second = (await post(fx.bridgeUrl, ["ping"])).headers.get("upstash-sync-token");
    expect(first).toMatch(/^\d+$/);
    expect(second).not.toBe(first);
  });
});

describe("when Redis goes away", () => {
  it("answers 503 on /health and on commands, naming Redis", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "hometrip-redis-down-"));
    const redis = await resolveRedis({ dataDir, localUrl: "redis://127.0.0.1:1" });
    const bridge = await startRedisBridge({ redisUrl: redis.url, token: TOKEN });
    try {
      expect((await fetch(`${bridge.url}/health`)).status).toBe(200);
      await redis.close();
      const health = await fetch(`${bridge.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: "down", error: expect.stringMatching(/^Redis/) });
      expect(await post(bridge.url, ["get", "k"])).toMatchObject({
        status: 503,
        body: { error: /Redis is unavailable/ },
      });
    } finally {
      await bridge.close();
      await redis.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("refuses to start when Redis does not answer", async () => {
    await expect(startRedisBridge({ redisUrl: "redis://127.0.0.1:1", token: TOKEN })).rejects.toThrow(
      /cannot reach Redis at redis:\/\/127\.0\.0\.1:1/,
    );
  });
});
