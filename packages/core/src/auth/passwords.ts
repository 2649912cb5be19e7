import { AppError } from "@hometrip/contracts";
import { credentials, type Database, type DbOrTx, users } from "@hometrip/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import { recordEvent } from "../events/record-event.ts";
import { invalidLink } from "./accounts.ts";
import { consumeEmailToken } from "./email-tokens.ts";
import { hashPassword, verifyDummyPassword, verifyPassword } from "./password.ts";
import { revokeAllSessions } from "./session-management.ts";
import type { RevokedSessions } from "./sessions.ts";

type Outcome = { eventId: string; revokedSessionIds: string[] };

/** Records a reset request for an active account; null (and the same answer to the caller) otherwise. */
export async function requestPasswordReset(db: Database, email: string): Promise<string | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email.trim().toLowerCase()), eq(users.status, "active")));
  if (!user) return null;
  const { id } = await recordEvent(db, "auth.password_reset_requested", {
    userId: user.id,
    email: user.email,
  });
  return id;
}

/**
 * Follows a reset link: sets the new password, ends every session (whoever knew the old password
 * is out) and tells the owner by mail. Following the link also proves the address, so it counts as verified.
 */
export async function resetPassword(
  db: Database,
  input: { token: string; newPassword: string; now: Date; revoked?: RevokedSessions },
): Promise<Outcome> {
  const passwordHash = await hashPassword(input.newPassword);
  const outcome = await db.transaction(async (tx) => {
    const owner = await consumeEmailToken(tx, input.token, "reset_password", input.now);
    if (!owner) throw invalidLink();
    await setPasswordHash(tx, owner.userId, passwordHash);
    await tx
      .update(users)
      .set({ emailVerifiedAt: input.now })
      .where(and(eq(users.id, owner.userId), isNull(users.emailVerifiedAt)));
    const revokedSessionIds = await revokeAllSessions(tx, owner.userId, undefined, {
      now: input.now,
      reason: "password_reset",
    });
    const { id: eventId } = await recordEvent(tx, "auth.password_changed", {
      userId: owner.userId,
      email: owner.email,
    });
    return { eventId, revokedSessionIds };
  });
  await input.revoked?.add(outcome.revokedSessionIds);
  return outcome;
}

/** A signed-in member changes their password; every other session ends, the current one stays. */
export async function changePassword(
  db: Database,
  input: {
    userId: string;
    currentSessionId: string;
    currentPassword: string;
    newPassword: string;
    now: Date;
    revoked?: RevokedSessions;
  },
): Promise<Outcome> {
  const [row] = await db
    .select({ email: users.email, passwordHash: credentials.passwordHash })
    .from(users)
    .leftJoin(credentials, and(eq(credentials.userId, users.id), eq(credentials.kind, "password")))
    .where(eq(users.id, input.userId));
  if (!row) throw new AppError("UNAUTHORIZED", "Sign in to continue");
  const current = row.passwordHash
    ? await verifyPassword(row.passwordHash, input.currentPassword)
    : await verifyDummyPassword(input.currentPassword);
  if (!current) {
    throw new AppError("BAD_REQUEST", "The current password is incorrect", {
      details: { issues: [{ path: "currentPassword", message: "is incorrect" }] },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const outcome = await db.transaction(async (tx) => {
    await setPasswordHash(tx, input.userId, passwordHash);
    const revokedSessionIds = await revokeAllSessions(tx, input.userId, input.currentSessionId, {
      now: input.now,
      reason: "password_changed",
    });
    const { id: eventId } = await recordEvent(tx, "auth.password_changed", {
      userId: input.userId,
      email: row.email,
    });
    return { eventId, revokedSessionIds };
  });
  await input.revoked?.add(outcome.revokedSessionIds);
  return outcome;
}

/** Accounts created through OAuth have no password yet; a reset gives them one. */
async function setPasswordHash(tx: DbOrTx, userId: string, passwordHash: string) {
  await tx
    .insert(credentials)
    .values({ userId, kind: "password", passwordHash })
    .onConflictDoUpdate({
      target: credentials.userId,
      targetWhere: sql`${credentials.kind} = 'password'`,
      set: { passwordHash, updatedAt: new Date() },
    });
}
