import { AppError } from "@hometrip/contracts";
import { apiKeys, type Database, hostProfiles, users } from "@hometrip/db";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  authenticateApiKey,
  createApiKey,
  listApiKeys,
  MAX_ACTIVE_API_KEYS,
  revokeApiKey,
} from "./api-keys.ts";

let database: TunnelledDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "core_api_keys" });
  db = database.db;
});
afterAll(() => database?.close());

const t0 = new Date("2026-06-01T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function newUser(opts: { role?: "member" | "admin"; host?: boolean } = {}) {
  const [user] = await db
    .insert(users)
    .values({
      email: `${crypto.randomUUID()}@keys.example.com`,
      displayName: "Key owner",
      role: opts.role ?? "member",
    })
    .returning({ id: users.id });
  if (opts.host) await db.insert(hostProfiles).values({ userId: user!.id });
  return user!.id;
}

describe("authenticateApiKey", () => {
  it("returns the owner's role, host flag and the key's scopes", async () => {
    const userId = await newUser({ role: "admin", host: true });
    const { id, key } = await createApiKey(db, { userId, name: "ops", scopes: ["profile:read"], now: t0 });
    expect(await authenticateApiKey(db, key, t0)).toEqual({
      userId,
      keyId: id,
      scopes: ["profile:read"],
      role: "admin",
      isHost: true,
    });
  });

  it("refuses revoked and expired keys, suspended owners, and any altered key", async () => {
    const userId = await newUser();
    const revoked = await createApiKey(db, { userId, name: "r", scopes: ["profile:read"], now: t0 });
    expect(await revokeApiKey(db, userId, revoked.id, t0)).toBe(true);
    expect(await authenticateApiKey(db, revoked.key, t0)).toBeNull();

    const expiring = await createApiKey(db, {
      userId,
      name: "e",
      scopes: ["profile:read"],
      expiresAt: at(60),
      now: t0,
    });
    expect(await authenticateApiKey(db, expiring.key, at(59))).not.toBeNull();
    expect(await authenticateApiKey(db, expiring.key, at(60))).toBeNull();

    const live = await createApiKey(db, { userId, name: "l", scopes: ["profile:read"], now: t0 });
    expect(await authenticateApiKey(db, `${live.key}x`, t0)).toBeNull();
    expect(
      await authenticateApiKey(
        db,
        live.key.replace(/.$/, (c) => (c === "a" ? "b" : "a")),
        t0,
      ),
    ).toBeNull();
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, userId));
    expect(await authenticateApiKey(db, live.key, t0)).toBeNull();
  });

  it("writes last_used_at at most once a minute", async () => {
    const userId = await newUser();
    const { id, key } = await createApiKey(db, { userId, name: "busy", scopes: ["profile:read"], now: t0 });
    const lastUsed = async () =>
      (await db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, id)))[0]?.at;
    await authenticateApiKey(db, key, at(1));
    expect(await lastUsed()).toEqual(at(1));
    await authenticateApiKey(db, key, at(50));
    expect(await lastUsed()).toEqual(at(1));
    await authenticateApiKey(db, key, at(61));
    expect(await lastUsed()).toEqual(at(61));
  });
});

describe("managing keys", () => {
  it("caps the number of active keys and frees a slot on revoke", async () => {
    const userId = await newUser();
    const created = [];
    for (let n = 0; n < MAX_ACTIVE_API_KEYS; n++) {
      created.push(await createApiKey(db, { userId, name: `k${n}`, scopes: ["profile:read"], now: t0 }));
    }
    await expect(
      createApiKey(db, { userId, name: "one too many", scopes: ["profile:read"], now: t0 }),
    ).rejects.toThrow(AppError);
    await revokeApiKey(db, userId, created[0]!.id, t0);
    await createApiKey(db, { userId, name: "replacement", scopes: ["profile:read"], now: t0 });
    expect(await listApiKeys(db, userId)).toHaveLength(MAX_ACTIVE_API_KEYS);
  });

  it("revokes only the owner's key", async () => {
    const owner = await newUser();
    const other = await newUser();
    const { id, key } = await createApiKey(db, {
      userId: owner,
      name: "mine",
      scopes: ["profile:read"],
      now: t0,
    });
    expect(await revokeApiKey(db, other, id, t0)).toBe(false);
    expect(await authenticateApiKey(db, key, t0)).not.toBeNull();
  });
});
