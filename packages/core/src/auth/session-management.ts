import { type DbOrTx, refreshTokens, sessionFamilies } from "@hometrip/db";
import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import type { RevokedSessions } from "./sessions.ts";
import { hashToken } from "./tokens.ts";

type RevokeOptions = { now?: Date; reason?: string; revoked?: RevokedSessions };

/** Ends one of the user's sessions; false when it is not theirs or already ended. */
export async function revokeSession(
  db: DbOrTx,
  userId: string,
  sessionId: string,
  opts: RevokeOptions = {},
): Promise<boolean> {
  const rows = await db
    .update(sessionFamilies)
    .set({ revokedAt: opts.now ?? new Date(), revokedReason: opts.reason ?? "logout" })
    .where(
      and(
        eq(sessionFamilies.id, sessionId),
        eq(sessionFamilies.userId, userId),
        isNull(sessionFamilies.revokedAt),
      ),
    )
    .returning({ id: sessionFamilies.id });
  if (rows.length > 0) await opts.revoked?.add([sessionId]);
  return rows.length > 0;
}

/**
 * Log out with only a refresh token in hand (the access token may have expired): ends the session
 * it belongs to. Returns the session id, or null when the token is unknown.
 */
export async function revokeSessionByRefreshToken(
  db: DbOrTx,
  refreshToken: string,
  opts: RevokeOptions = {},
): Promise<string | null> {
  if (refreshToken.length < 16 || refreshToken.length > 256) return null;
  const [row] = await db
    .select({ familyId: refreshTokens.familyId, userId: sessionFamilies.userId })
    .from(refreshTokens)
    .innerJoin(sessionFamilies, eq(sessionFamilies.id, refreshTokens.familyId))
    .where(eq(refreshTokens.tokenHash, await hashToken(refreshToken)));
  if (!row) return null;
  await revokeSession(db, row.userId, row.familyId, opts);
  return row.familyId;
}

/** Ends every live session of the user, optionally keeping the caller's; returns the ended ids. */
export async function revokeAllSessions(
  db: DbOrTx,
  userId: string,
  exceptSessionId?: string,
  opts: RevokeOptions = {},
): Promise<string[]> {
  const rows = await db
    .update(sessionFamilies)
    .set({ revokedAt: opts.now ?? new Date(), revokedReason: opts.reason ?? "logout_everywhere" })
    .where(
      and(
        eq(sessionFamilies.userId, userId),
        isNull(sessionFamilies.revokedAt),
        exceptSessionId ? ne(sessionFamilies.id, exceptSessionId) : undefined,
      ),
    )
    .returning({ id: sessionFamilies.id });
  const ids = rows.map((r) => r.id);
  if (ids.length > 0) await opts.revoked?.add(ids);
  return ids;
}

/** Live sessions of a user, newest use first. */
export async function listSessions(db: DbOrTx, userId: string, now: Date) {
  return db
    .select({
      id: sessionFamilies.id,
      userAgent: sessionFamilies.userAgent,
      ip: sessionFamilies.ip,
      createdAt: sessionFamilies.createdAt,
      lastUsedAt: sessionFamilies.lastUsedAt,
      expiresAt: sessionFamilies.expiresAt,
    })
    .from(sessionFamilies)
    .where(
      and(
        eq(sessionFamilies.userId, userId),
        isNull(sessionFamilies.revokedAt),
        gt(sessionFamilies.expiresAt, now),
      ),
    )
    .orderBy(desc(sessionFamilies.lastUsedAt));
}
