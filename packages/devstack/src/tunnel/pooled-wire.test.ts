import { describe, expect, it } from "vitest";
import { sessionKey } from "./client-startup.ts";
import { ClientStream } from "./pooled-relay.ts";
import { wire } from "./test-support.ts";
import { backendMessage, MessageScanner, startupParameters } from "./wire-messages.ts";

const sync = Buffer.from([0x53, 0, 0, 0, 4]);
const serverStream = Buffer.concat([
  backendMessage.authenticationOk(),
  backendMessage.backendKeyData(42, 7),
  Buffer.from("D\0\0\0\x0e\0\x01\0\0\0\x04abcd"),
  backendMessage.readyForQuery("T"),
]);

/** Every way of cutting `bytes` into two chunks, plus one byte at a time. */
const cuts = (bytes: Buffer) => [
  ...Array.from({ length: bytes.length + 1 }, (_, i) => [bytes.subarray(0, i), bytes.subarray(i)]),
  [...bytes].map((b) => Buffer.from([b])),
];

describe("MessageScanner", () => {
  it("finds the same messages however the stream is cut, keeping only the bodies asked for", () => {
    for (const chunks of cuts(serverStream)) {
      const scanner = new MessageScanner((type) => type === "Z" || type === "K");
      const seen = chunks
        .flatMap((c) => scanner.push(c))
        .map((m) => [m.type, m.body?.toString("hex") ?? null]);
      expect(seen).toEqual([
        ["R", null],
        ["K", "0000002a00000007"],
        ["D", null],
        ["Z", "54"],
      ]);
      expect(scanner.atBoundary).toBe(true);
    }
  });
});

describe("ClientStream", () => {
  it("forwards everything before a Terminate, never the Terminate, however the stream is cut", () => {
    const before = Buffer.concat([wire.query("SELECT 1"), sync]);
    for (const chunks of cuts(Buffer.concat([before, wire.terminate]))) {
      const stream = new ClientStream();
      const forwarded = Buffer.concat(chunks.map((c) => stream.take(c).forward));
      expect(forwarded).toEqual(before);
      expect(stream.terminated).toBe(true);
      expect(stream.awaitingReady).toBe(2); // a Query and a Sync, each owed a ReadyForQuery
    }
  });

  it("is not settled in the middle of a message", () => {
    const stream = new ClientStream();
    stream.take(wire.query("SELECT 1").subarray(0, 3));
    stream.awaitingReady = 0;
    expect(stream.settled).toBe(false);
  });
});

describe("start-up parameters", () => {
  it("reads a StartupMessage and keys it the same whatever the order of its parameters", () => {
    const params = startupParameters(wire.startup("postgres", "hometrip"));
    expect(params && Object.fromEntries(params)).toEqual({ user: "postgres", database: "hometrip" });
    const swapped = new Map([
      ["database", "hometrip"],
      ["user", "postgres"],
    ]);
    expect(sessionKey("127.0.0.1:5432", swapped)).toBe(sessionKey("127.0.0.1:5432", params ?? new Map()));
    expect(sessionKey("127.0.0.1:5432", new Map([...swapped, ["database", "other"]]))).not.toBe(
      sessionKey("127.0.0.1:5432", swapped),
    );
  });

  it("refuses a packet without a user or with a broken parameter list", () => {
    const head = Buffer.from([0, 0, 0, 0, 0, 3, 0, 0]);
    expect(startupParameters(Buffer.concat([head, Buffer.from("database\0x\0\0")]))).toBeNull();
    expect(startupParameters(Buffer.concat([head, Buffer.from("user\0x\0database\0")]))).toBeNull();
  });
});
