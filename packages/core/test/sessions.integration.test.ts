import { AppError } from "@hometrip/contracts";
import { type Database, users } from "@hometrip/db";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  consumeEmailToken,
  issueEmailToken,
  type RevokedSessions,
  rotateRefreshToken,
  type SessionConfig,
  startSession,
  verifyAccessToken,
} from "../src/index.ts";

let database: TunnelledDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "core_sessions" });
  db = database.db;
});
afterAll(() => database?.close());

const keys = [{ kid: "k1", secret: "integration-signing-secret-0123456789" }];

function config(revoked?: RevokedSessions, now = new Date()): SessionConfig {
  return { keys, accessTokenTtlSeconds: 900, refreshTokenTtlDays: 30, now, ...(revoked ? { revoked } : {}) };
}

function memoryRevocations() {
  const ids = new Set<string>();
  const revoked: RevokedSessions = {
    add: async (list) => {
      for (const id of list) ids.add(id);
    },
    has: async (id) => ids.has(id),
  };
  return { ids, revoked };
}

async function newUser() {
  const email = `core-${crypto.randomUUID()}@example.test`;
  const [user] = await db.insert(users).values({ email, displayName: "Core" }).returning({ id: users.id });
  return { id: user!.id, email };
}

describe("sessions", () => {
  it("issues access tokens carrying the session id and fresh role claims", async () => {
    const user = await newUser();
    const tokens = await startSession(db, { userId: user.id, userAgent: "vitest" }, config());
    const claims = await verifyAccessToken(keys, tokens.accessToken, new Date());
    expect(claims).toEqual({ sub: user.id, sid: tokens.sessionId, role: "member", host: false });
  });

  it("lets only one of two concurrent rotations of the same token win, and that revokes the family", async () => {
    const user = await newUser();
    const { ids, revoked } = memoryRevocations();
    const tokens = await startSession(db, { userId: user.id }, config(revoked));
    const results = await Promise.allSettled([
      rotateRefreshToken(db, tokens.refreshToken, config(revoked)),
      rotateRefreshToken(db, tokens.refreshToken, config(revoked)),
    ]);
    // One rotated first; the second saw a used token: theft as far as anyone can tell.
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect(ids.has(tokens.sessionId)).toBe(true);
    const winner = (
      results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ refreshToken: string }>
    ).value;
    await expect(rotateRefreshToken(db, winner.refreshToken, config(revoked))).rejects.toThrow(AppError);
  });

  it("refuses an expired refresh token and a suspended user's token", async () => {
    const user = await newUser();
    const past = new Date(Date.now() - 31 * 86_400_000);
    const old = await startSession(db, { userId: user.id }, config(undefined, past));
    await expect(rotateRefreshToken(db, old.refreshToken, config())).rejects.toThrow(AppError);

    const tokens = await startSession(db, { userId: user.id }, config());
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, user.id));
    await expect(rotateRefreshToken(db, tokens.refreshToken, config())).rejects.toThrow(AppError);
    await expect(startSession(db, { userId: user.id }, config())).rejects.toThrow(AppError);
  });
});

describe("email tokens", () => {
  it("are single use", async () => {
    const user = await newUser();
    const now = new Date();
    const raw = await issueEmailToken(db, {
      userId: user.id,
      email: user.email,
      purpose: "verify_email",
      ttlSeconds: 60,
      now,
    });
    expect(await consumeEmailToken(db, raw, "verify_email", now)).toEqual({
      userId: user.id,
      email: user.email,
    });
    expect(await consumeEmailToken(db, raw, "verify_email", now)).toBeNull();
  });

  it("stop working when the account's address changes", async () => {
    const user = await newUser();
    const now = new Date();
    const raw = await issueEmailToken(db, {
      userId: user.id,
      email: user.email,
      purpose: "reset_password",
      ttlSeconds: 60,
      now,
    });
    await db
      .update(users)
      .set({ email: `changed-${user.email}` })
      .where(eq(users.id, user.id));
    expect(await consumeEmailToken(db, raw, "reset_password", now)).toBeNull();
  });

  it("expire", async () => {
    const user = await newUser();
    const now = new Date();
    const raw = await issueEmailToken(db, {
      userId: user.id,
      email: user.email,
      purpose: "verify_email",
      ttlSeconds: 60,
      now,
    });
    expect(await consumeEmailToken(db, raw, "verify_email", new Date(now.getTime() + 61_000))).toBeNull();
  });
});
