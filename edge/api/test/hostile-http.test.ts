import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { errorFields } from "../src/services/logger.ts";
import { maxBatchCalls } from "../src/trpc-wire.ts";
import { maxAvatarBytes } from "../src/users/avatar-image.ts";
import { workerAt } from "./clock-support.ts";
import { uniqueIp } from "./hardening-support.ts";
import { call } from "./harness.ts";
import { createMember } from "./users-support.ts";

/** Issue 8 §4: batches, unread upload bodies, generic production errors and what logs may hold. */

type TrpcError = { error: { message: string; data: { code: string; httpStatus: number; path: string } } };

describe("tRPC batches", () => {
  it(`carry at most ${maxBatchCalls} calls: more is a 400 per call naming the limit`, async () => {
    const paths = Array.from({ length: maxBatchCalls + 1 }, () => "system.version").join(",");
    const response = await call(`/trpc/${paths}?batch=1`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as TrpcError[];
    expect(body).toHaveLength(maxBatchCalls + 1);
    expect(body[0]?.error.data).toMatchObject({
      code: "BAD_REQUEST",
      httpStatus: 400,
      path: "system.version",
    });
    expect(body[0]?.error.message).toContain(String(maxBatchCalls));
    const within = await call(`/trpc/${paths.split(",").slice(0, maxBatchCalls).join(",")}?batch=1`);
    expect(within.status).toBe(200);
  });

  it("a batch of 1,000 log-outs is a clear 400, not a 503 from oversized response headers", async () => {
    const member = await createMember("batch-logout");
    const paths = Array.from({ length: 1_000 }, () => "auth.logOut").join(",");
    const response = await call(`/trpc/${paths}?batch=1`, {
      method: "POST",
      headers: { ...member.auth, "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("set-cookie")).toBeNull();
    // Nothing ran: the session still works.
    expect((await call("/trpc/users.me", { headers: member.auth })).status).toBe(200);
  });

  it("every call of a batch spends the per-address budget", async () => {
    const { call: callAt } = workerAt();
    const headers = { "x-forwarded-for": uniqueIp() };
    const batch = `/trpc/${Array.from({ length: maxBatchCalls }, () => "system.version").join(",")}?batch=1`;
    // 600 calls a minute per address: 60 batches of 10 spend it all.
    for (let n = 0; n < 600 / maxBatchCalls; n++) {
      const response = await callAt(batch, { headers });
      expect(response.status, `batch ${n + 1}`).toBe(200);
    }
    const next = await callAt("/trpc/system.version", { headers });
    expect(next.status).toBe(429);
  }, 60_000);
});

/** A body sent in chunks with no Content-Length, recording how far the server read it. */
function chunkedBody(totalBytes: number, chunkBytes = 64 * 1024) {
  const state = { sent: 0, finished: false, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.sent >= totalBytes) {
        state.finished = true;
        controller.close();
        return;
      }
      const size = Math.min(chunkBytes, totalBytes - state.sent);
      state.sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x89));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe("uploads refused before their body is read", () => {
  it("an oversized chunked avatar is a 400, its body is read to the end, and the next request is served", async () => {
    const member = await createMember("chunked");
    const { stream, state } = chunkedBody(maxAvatarBytes + 512 * 1024);
    const response = await call("/users/me/avatar", {
      method: "PUT",
      headers: { ...member.auth, "content-type": "image/png" },
      body: stream,
      // @ts-expect-error workerd's RequestInit takes duplex for a streamed body
      duplex: "half",
    });
    expect(response.status).toBe(400);
    expect(state.finished).toBe(true);
    expect(state.cancelled).toBe(false);
    const started = Date.now();
    expect((await call("/health")).status).toBeLessThan(500);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("an upload refused for its credential, before any byte was read, is drained as well", async () => {
    const { stream, state } = chunkedBody(256 * 1024);
    const response = await call("/users/me/avatar", {
      method: "PUT",
      headers: { "content-type": "image/png" },
      body: stream,
      // @ts-expect-error workerd's RequestInit takes duplex for a streamed body
      duplex: "half",
    });
    expect(response.status).toBe(401);
    expect(state.finished).toBe(true);
  });
});

describe("internal errors", () => {
  it("stay generic in production: no message from the failure, no stack, no address", async () => {
    const member = await createMember("prod-error");
    const down = { DATABASE_URL: "postgres://hometrip:not-the-password@127.0.0.1:1/none" };
    const production = await call(
      "/trpc/users.me",
      { headers: member.auth },
      { ...down, APP_ENV: "production" },
    );
    expect(production.status).toBeGreaterThanOrEqual(500);
    const text = await production.text();
    expect(JSON.parse(text)).toMatchObject({ error: { message: "Internal error" } });
    for (const leak of ["127.0.0.1", "not-the-password", "postgres", "    at ", "SQLSTATE", "select"]) {
      expect(text.toLowerCase(), leak).not.toContain(leak.toLowerCase());
    }
    const development = await call(
      "/trpc/users.me",
      { headers: member.auth },
      { ...down, APP_ENV: "development" },
    );
    expect(development.status).toBeGreaterThanOrEqual(500);
    expect(((await development.json()) as TrpcError).error.message).not.toBe("Internal error");
  });
});

describe("log lines", () => {
  afterEach(() => vi.restoreAllMocks());

  it("keep no bound SQL parameters and no password of a connection string", () => {
    // What drizzle 0.45 throws for a failed query: the statement, then its bound parameters.
    const cause = Object.assign(new Error("duplicate key"), { code: "23505" });
    const error = new Error(
      "Failed query: insert into users (email, key_hash) values ($1, $2)\nparams: victim@example.test,c2VjcmV0LWtleS1oYXNo",
      { cause },
    );
    error.name = "DrizzleQueryError";
    const fields = JSON.stringify(errorFields(error));
    expect(fields).not.toContain("victim@example.test");
    expect(fields).not.toContain("c2VjcmV0LWtleS1oYXNo");
    expect(fields).toContain("insert into users");
    expect(fields).toContain("23505");
    const connection = JSON.stringify(
      errorFields(new Error("connect to postgres://app:s3cret@db.internal/x failed")),
    );
    expect(connection).not.toContain("s3cret");
  });

  it("name an iCal feed's path without its token, in the access line of every request", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
    const token = `feedtoken${crypto.randomUUID().replaceAll("-", "")}`;
    const listingId = crypto.randomUUID();
    const response = await call(`/ical/${listingId}/${token}.ics`);
    expect(response.status).toBe(404);
    const access = lines.filter((line) => line.includes('"message":"request"'));
    expect(access.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(token);
    expect(access.join("\n")).toContain(`/ical/${listingId}/[token].ics`);
  });

  it("with ACCESS_LOG=errors, log refused and failed answers and leave out fast successful ones", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
    vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
    const accessLines = () =>
      lines.map((line) => JSON.parse(line)).filter((line) => line.message === "request");
    const errorsOnly = { ACCESS_LOG: "errors" };
    expect((await call("/health", {}, errorsOnly)).status).toBe(200);
    expect(accessLines()).toEqual([]);
    const missing = await call("/no-such-route", {}, errorsOnly);
    expect(missing.status).toBe(404);
    expect(accessLines()).toEqual([
      expect.objectContaining({
        path: "/no-such-route",
        status: 404,
        traceId: missing.headers.get("x-trace-id"),
      }),
    ]);
    // The default keeps a line for every answer.
    expect((await call("/health")).status).toBe(200);
    expect(accessLines().at(-1)).toMatchObject({ path: "/health", status: 200 });
  });

  it("never hold a configured secret, even when a request fails", async () => {
    const lines: string[] = [];
    for (const method of ["log", "error", "warn"] as const) {
      vi.spyOn(console, method).mockImplementation((line: unknown) => void lines.push(String(line)));
    }
    const member = await createMember("log-secrets");
    await call(
      "/trpc/users.me",
      { headers: member.auth },
      { DATABASE_URL: "postgres://hometrip:log-secret-pw@127.0.0.1:1/none" },
    );
    const text = lines.join("\n");
    expect(lines.length).toBeGreaterThan(0);
    expect(text).not.toContain("log-secret-pw");
    for (const name of [
      "ADMIN_API_TOKEN",
      "TOTP_ENCRYPTION_KEY",
      "QSTASH_TOKEN",
      "UPSTASH_REDIS_REST_TOKEN",
    ] as const) {
      const value = (env as unknown as Record<string, string | undefined>)[name];
      if (value && value.length >= 8) expect(text, name).not.toContain(value);
    }
    for (const pair of String((env as unknown as Record<string, string>).JWT_SIGNING_KEYS ?? "").split(",")) {
      const secret = pair.split(":")[1];
      if (secret) expect(text).not.toContain(secret);
    }
  });
});
