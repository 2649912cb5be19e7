import { AppError } from "@hometrip/contracts";
import {
  type Database,
  type DbOrTx,
  hostProfiles,
  refreshTokens,
  sessionFamilies,
  users,
} from "@hometrip/db";
import { eq } from "drizzle-orm";
import { type AccessClaims, type SigningKey, signAccessToken } from "./access-token.ts";
import { hashToken, randomToken } from "./tokens.ts";

/**
 * Where revoked session ids are announced so access tokens of those sessions stop working before
 * they expire (the edge keeps them in Redis for one access-token lifetime).
 */
export interface RevokedSessions {
  add(sessionIds: readonly string[]): Promise<void>;
  has(sessionId: string): Promise<boolean>;
}

export type SessionConfig = {
  keys: readonly SigningKey[];
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  now: Date;
  revoked?: RevokedSessions;
};

export type IssuedTokens = {
  accessToken: string;
  accessExpiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
  sessionId: string;
};

const invalidRefresh = () => new AppError("UNAUTHORIZED", "Your session has ended; please sign in again");

/** A new session family with its first refresh token, for a user who just proved who they are. */
export async function startSession(
  db: Database,
  input: { userId: string; userAgent?: string | null; ip?: string | null },
  cfg: SessionConfig,
): Promise<IssuedTokens> {
  const refreshExpiresAt = daysLater(cfg.now, cfg.refreshTokenTtlDays);
  const refreshToken = randomToken();
  const { sessionId, claims } = await db.transaction(async (tx) => {
    const claimsBase = await loadClaims(tx, input.userId);
    if (!claimsBase) throw new AppError("UNAUTHORIZED", "This account cannot sign in");
    const [family] = await tx
      .insert(sessionFamilies)
      .values({
        userId: input.userId,
        userAgent: input.userAgent?.slice(0, 512) ?? null,
        ip: input.ip ?? null,
        createdAt: cfg.now,
        lastUsedAt: cfg.now,
        expiresAt: refreshExpiresAt,
      })
      .returning({ id: sessionFamilies.id });
    if (!family) throw new Error("session insert returned no row");
    await tx.insert(refreshTokens).values({
      familyId: family.id,
      tokenHash: await hashToken(refreshToken),
      issuedAt: cfg.now,
      expiresAt: refreshExpiresAt,
    });
    return { sessionId: family.id, claims: { ...claimsBase, sid: family.id } };
  });
  return issue(cfg, claims, refreshToken, refreshExpiresAt, sessionId);
}

/**
 * Trades a refresh token for a new pair. Each token works once: presenting a used one means two
 * parties hold it (one of them a thief), so the whole family is revoked and both must sign in again.
 */
export async function rotateRefreshToken(
  db: Database,
  refreshToken: string,
  cfg: SessionConfig,
): Promise<IssuedTokens> {
  if (refreshToken.length < 16 || refreshToken.length > 256) throw invalidRefresh();
  const tokenHash = await hashToken(refreshToken);
  const next = randomToken();
  const refreshExpiresAt = daysLater(cfg.now, cfg.refreshTokenTtlDays);
  const outcome = await db.transaction(async (tx) => {
    // Row lock: two concurrent uses of one token serialise here, and the second sees it used.
    const [row] = await tx
      .select({ token: refreshTokens, family: sessionFamilies })
      .from(refreshTokens)
      .innerJoin(sessionFamilies, eq(sessionFamilies.id, refreshTokens.familyId))
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .for("update");
    if (!row || row.family.revokedAt) return { kind: "invalid" as const };
    const familyId = row.family.id;
    if (row.token.usedAt) {
      await revokeFamilies(tx, [familyId], "refresh_token_reuse", cfg.now);
      return { kind: "reused" as const, familyId };
    }
    if (row.token.expiresAt <= cfg.now || row.family.expiresAt <= cfg.now)
      return { kind: "invalid" as const };
    const claimsBase = await loadClaims(tx, row.family.userId);
    if (!claimsBase) {
      await revokeFamilies(tx, [familyId], "account_inactive", cfg.now);
      return { kind: "reused" as const, familyId };
    }
    await tx.update(refreshTokens).set({ usedAt: cfg.now }).where(eq(refreshTokens.id, row.token.id));
    await tx.insert(refreshTokens).values({
      familyId,
      tokenHash: await hashToken(next),
      issuedAt: cfg.now,
      expiresAt: refreshExpiresAt,
    });
    await tx
      .update(sessionFamilies)
      .set({ lastUsedAt: cfg.now, expiresAt: refreshExpiresAt })
      .where(eq(sessionFamilies.id, familyId));
    return { kind: "rotated" as const, claims: { ...claimsBase, sid: familyId } };
  });
  if (outcome.kind === "reused") {
    await cfg.revoked?.add([outcome.familyId]);
    throw invalidRefresh();
  }
  if (outcome.kind === "invalid") throw invalidRefresh();
  return issue(cfg, outcome.claims, next, refreshExpiresAt, outcome.claims.sid);
}

async function revokeFamilies(tx: DbOrTx, ids: string[], reason: string, now: Date) {
  for (const id of ids) {
    await tx
      .update(sessionFamilies)
      .set({ revokedAt: now, revokedReason: reason })
      .where(eq(sessionFamilies.id, id));
  }
}

/** Role and host flag are read fresh at every issue, so a change shows within one access TTL. */
async function loadClaims(tx: DbOrTx, userId: string): Promise<Omit<AccessClaims, "sid"> | null> {
  const [row] = await tx
    .select({ role: users.role, status: users.status, hostId: hostProfiles.userId })
    .from(users)
    .leftJoin(hostProfiles, eq(hostProfiles.userId, users.id))
    .where(eq(users.id, userId));
  if (row?.status !== "active") return null;
  return { sub: userId, role: row.role, host: row.hostId !== null };
}

async function issue(
  cfg: SessionConfig,
  claims: AccessClaims,
  refreshToken: string,
  refreshExpiresAt: Date,
  sessionId: string,
): Promise<IssuedTokens> {
  const accessToken = await signAccessToken(cfg.keys, claims, cfg.accessTokenTtlSeconds, cfg.now);
  const accessExpiresAt = new Date(cfg.now.getTime() + cfg.accessTokenTtlSeconds * 1000);
  return { accessToken, accessExpiresAt, refreshToken, refreshExpiresAt, sessionId };
}

/** An instant `days` × 24 h later: token lifetimes are durations, not calendar dates. */
const daysLater = (at: Date, days: number) => new Date(at.getTime() + days * 86_400_000);
