import { AppError, type UserRole } from "@hometrip/contracts";
import { apiKeys, type DbOrTx, hostProfiles, users } from "@hometrip/db";
import { and, desc, eq, isNull, lte, or } from "drizzle-orm";
import { constantTimeEqual, hashToken } from "./tokens.ts";
import { base32Encode } from "./totp-base32.ts";

/**
 * Partner API keys: `htk_<prefix>_<secret>`. The prefix (40 random bits) finds the row and is
 * what lists show; the secret (256 bits) is only ever hashed. A plain SHA-256 of the whole key
 * is enough because the key is high-entropy; the hash is compared in constant time.
 */
/**
 * `listings:read`: the owner's listings in every status (the partner API's /v1/me/listings and
 * drafts through /v1/listings/{id}); `calendar:read`: the host calendar of those listings.
 */
export const apiKeyScopes = ["profile:read", "profile:write", "listings:read", "calendar:read"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** Enough for several integrations; a runaway script creating keys hits a wall. */
export const MAX_ACTIVE_API_KEYS = 20;
/** last_used_at is a hint for the owner, not an audit log: one write a minute per key at most. */
const LAST_USED_GRANULARITY_MS = 60_000;
const keyPattern = /^htk_([a-z2-7]{8})_([a-z2-7]{52})$/;

export type ApiKeyActor = {
  userId: string;
  keyId: string;
  scopes: string[];
  role: UserRole;
  isHost: boolean;
};

export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
};

const randomBase32 = (bytes: number) =>
  base32Encode(crypto.getRandomValues(new Uint8Array(bytes))).toLowerCase();

export function looksLikeApiKey(presented: string): boolean {
  return presented.startsWith("htk_");
}

export async function createApiKey(
  db: DbOrTx,
  input: { userId: string; name: string; scopes: readonly ApiKeyScope[]; expiresAt?: Date | null; now: Date },
): Promise<{ id: string; key: string; prefix: string }> {
  const active = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, input.userId), isNull(apiKeys.revokedAt)));
  if (active.length >= MAX_ACTIVE_API_KEYS) {
    throw new AppError("CONFLICT", `At most ${MAX_ACTIVE_API_KEYS} API keys may be active; revoke one first`);
  }
  const prefix = `htk_${randomBase32(5)}`;
  const key = `${prefix}_${randomBase32(32)}`;
  const [row] = await db
    .insert(apiKeys)
    .values({
      userId: input.userId,
      name: input.name,
      prefix,
      keyHash: await hashToken(key),
      scopes: [...new Set(input.scopes)],
      createdAt: input.now,
      expiresAt: input.expiresAt ?? null,
    })
    .returning({ id: apiKeys.id });
  if (!row) throw new Error("api key insert returned no row");
  return { id: row.id, key, prefix };
}

/** The owner's active keys, newest first; never the secret or its hash. */
export async function listApiKeys(db: DbOrTx, userId: string): Promise<ApiKeySummary[]> {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      expiresAt: apiKeys.expiresAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt));
}

/** Revokes one of the owner's keys; false for another user's key, an unknown id or one already revoked. */
export async function revokeApiKey(db: DbOrTx, userId: string, keyId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

/**
 * The actor behind a presented key, or null for anything unusable: malformed, unknown prefix,
 * wrong secret, revoked, expired, or an owner who may no longer sign in.
 */
export async function authenticateApiKey(
  db: DbOrTx,
  presented: string,
  now: Date,
): Promise<ApiKeyActor | null> {
  const match = keyPattern.exec(presented);
  if (!match) return null;
  const presentedHash = await hashToken(presented);
  const [row] = await db
    .select({
      id: apiKeys.id,
      userId: apiKeys.userId,
      keyHash: apiKeys.keyHash,
      scopes: apiKeys.scopes,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      role: users.role,
      status: users.status,
      hostUserId: hostProfiles.userId,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .leftJoin(hostProfiles, eq(hostProfiles.userId, apiKeys.userId))
    .where(eq(apiKeys.prefix, `htk_${match[1]}`));
  if (!row) return null;
  const encoder = new TextEncoder();
  if (!constantTimeEqual(encoder.encode(row.keyHash), encoder.encode(presentedHash))) return null;
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.status !== "active") return null;

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    const staleBefore = new Date(now.getTime() - LAST_USED_GRANULARITY_MS);
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, staleBefore))),
      );
  }
  return {
    userId: row.userId,
    keyId: row.id,
    scopes: row.scopes,
    role: row.role,
    isHost: row.hostUserId !== null,
  };
}
