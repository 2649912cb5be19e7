import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseCommand, unsupportedReason } from "../src/redis-bridge/commands.ts";
import { canonicalizeDoubles } from "../src/redis-bridge/doubles.ts";
import { encodeReply } from "../src/redis-bridge/encoding.ts";
import { normalizeScript, ScriptRegistry } from "../src/redis-bridge/scripts.ts";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

describe("reply encoding", () => {
  it("base64-encodes every string, recursively, and leaves integers and nulls", () => {
    const reply = [Buffer.from("OK"), 3, null, [Buffer.from([0xff, 0x00]), "é"]];
    expect(encodeReply(reply, "base64")).toEqual(["OK", 3, null, ["/wA=", "w6k="]]);
    expect(encodeReply(reply, "utf8")).toEqual(["OK", 3, null, ["\ufffd\u0000", "é"]]);
  });
});

describe("command parsing", () => {
  it("accepts strings and numbers and rejects other shapes", () => {
    expect(parseCommand(["set", "k", 1, true])).toEqual(["set", "k", "1", "true"]);
    expect(() => parseCommand([])).toThrow(/non-empty/);
    expect(() => parseCommand(["set", { a: 1 }])).toThrow(/argument 1/);
  });

  it("refuses blocking and connection-state commands, allows the rest", () => {
    expect(unsupportedReason(["brpop", "q", "0"])).toMatch(/blocking command 'BRPOP'/);
    expect(unsupportedReason(["XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">"])).toMatch(
      /blocking/,
    );
    expect(unsupportedReason(["xread", "streams", "s", "0"])).toBeUndefined();
    expect(unsupportedReason(["watch", "k"])).toMatch(/multi-exec/);
    expect(unsupportedReason(["subscribe", "c"])).toMatch(/pub\/sub/);
    expect(unsupportedReason(["get", "k"])).toBeUndefined();
  });
});

describe("Lua scripts", () => {
  it("drops Upstash-only shebang flags and keeps the ones Redis knows", () => {
    expect(normalizeScript("#!lua flags=allow-key-locking\nreturn 1")).toBe("#!lua\nreturn 1");
    expect(normalizeScript("#!lua flags=allow-key-locking,no-writes\nreturn 1")).toBe(
      "#!lua flags=no-writes\nreturn 1",
    );
    expect(normalizeScript("#!lua flags=no-writes\nreturn 1")).toBe("#!lua flags=no-writes\nreturn 1");
    expect(normalizeScript("return 1")).toBe("return 1");
  });

  it("maps the client's script hash to the hash Redis stores", () => {
    const registry = new ScriptRegistry();
    const script = "#!lua flags=allow-key-locking\nreturn 1";
    expect(registry.prepare(["EVALSHA", sha1(script), "0"]).args[1]).toBe(sha1(script));
    expect(registry.prepare(["eval", script, "0"]).args[1]).toBe("#!lua\nreturn 1");
    expect(registry.prepare(["evalsha", sha1(script), "0"]).args[1]).toBe(sha1("#!lua\nreturn 1"));
    const load = registry.prepare(["script", "load", script]);
    expect(load.mapReply?.("redis-side-sha")).toBe(sha1(script));
    expect(registry.prepare(["SCRIPT", "EXISTS", sha1(script), "abc"]).args).toEqual([
      "SCRIPT",
      "EXISTS",
      sha1("#!lua\nreturn 1"),
      "abc",
    ]);
  });
});

describe("double replies", () => {
  const text = (value: unknown): unknown => (Array.isArray(value) ? value.map(text) : value?.toString());

  it("prints scores in their shortest form, as Redis 7.2 and Upstash do", () => {
    expect(text(canonicalizeDoubles(["zscore", "k", "m"], Buffer.from("4.9000000000000004")))).toBe("4.9");
    const range = [Buffer.from("4.9000000000000004"), Buffer.from("0.10000000000000001")];
    expect(text(canonicalizeDoubles(["zrange", "k", "0", "-1", "withscores"], range))).toEqual([
      "4.9000000000000004",
      "0.1",
    ]);
    expect(text(canonicalizeDoubles(["zscore", "k", "m"], Buffer.from("inf")))).toBe("inf");
  });

  it("leaves replies of other commands alone", () => {
    expect(text(canonicalizeDoubles(["get", "k"], Buffer.from("4.9000000000000004")))).toBe(
      "4.9000000000000004",
    );
    expect(text(canonicalizeDoubles(["zrange", "k", "0", "-1"], [Buffer.from("1.10")]))).toEqual(["1.10"]);
  });
});
