import { AppError } from "@hometrip/contracts";
import { credentials, type Database, type DbOrTx, users } from "@hometrip/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import { recordEvent } from "../events/record-event.ts";
import { consumeEmailToken } from "./email-tokens.ts";
import { loadSignedInUser, type SignedInUser } from "./log-in.ts";
import { hashPassword } from "./password.ts";
import { twoFactorRequired } from "./two-factor.ts";

export const emailAlreadyUsed = () =>
  new AppError(
    "CONFLICT",
    "This email cannot be used to sign up. If it is yours, sign in or reset your password.",
  );

/**
 * Creates a member with a password and asks the workers (via the outbox) to mail a verification
 * link. The email arrives normalised (trimmed, lower-cased) from the input schema.
 */
export async function signUp(
  db: Database,
  input: { email: string; password: string; displayName: string },
): Promise<{ userId: string; eventId: string }> {
  const email = input.email.toLowerCase();
  // Hash outside the transaction: it is the slow part and needs no lock.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email, displayName: input.displayName })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) throw emailAlreadyUsed();
    await tx.insert(credentials).values({ userId: user.id, kind: "password", passwordHash });
    const { id: eventId } = await recordEvent(tx, "auth.email_verification_requested", {
      userId: user.id,
      email,
    });
    return { userId: user.id, eventId };
  });
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      status: users.status,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return user;
}

/**
 * Asks for another verification mail for an active, unverified account; returns the event id, or
 * null when there is nothing to send (already verified, unknown, not active). Callers answer the
 * same either way so the endpoint cannot be used to probe for accounts.
 */
export async function requestEmailVerification(
  db: Database,
  who: { userId: string } | { email: string },
): Promise<string | null> {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      status: users.status,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(
      "userId" in who
        ? eq(users.id, who.userId)
        : eq(sql`lower(${users.email})`, who.email.trim().toLowerCase()),
    );
  if (user?.status !== "active" || user.emailVerifiedAt) return null;
  const { id } = await recordEvent(db, "auth.email_verification_requested", {
    userId: user.id,
    email: user.email,
  });
  return id;
}

/** Follows a verification link: marks the address verified. Invalid, used or expired links fail. */
export async function verifyEmail(db: Database, token: string, now: Date): Promise<{ userId: string }> {
  return db.transaction(async (tx) => {
    const owner = await consumeEmailToken(tx, token, "verify_email", now);
    if (!owner) throw invalidLink();
    await tx
      .update(users)
      .set({ emailVerifiedAt: now })
      .where(and(eq(users.id, owner.userId), isNull(users.emailVerifiedAt)));
    return { userId: owner.userId };
  });
}

/**
 * Whom a just-used verification link may sign in: the link came to the member's inbox, as a
 * password-reset link does, so it proves the same. Not an account with a second factor, which
 * still logs in with that factor.
 */
export async function memberToSignInAfterVerification(
  db: DbOrTx,
  userId: string,
): Promise<SignedInUser | null> {
  if (await twoFactorRequired(db, userId)) return null;
  return loadSignedInUser(db, userId);
}

export const invalidLink = () =>
  new AppError("BAD_REQUEST", "This link is invalid or has expired; ask for a new one", {
    details: { issues: [{ path: "token", message: "is invalid or has expired" }] },
  });
