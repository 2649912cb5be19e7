import { AppError, type UserRole } from "@hometrip/contracts";
import { credentials, type DbOrTx, hostProfiles, users } from "@hometrip/db";
import { and, eq, sql } from "drizzle-orm";
import { hashPassword, needsRehash, verifyDummyPassword, verifyPassword } from "./password.ts";

export type SignedInUser = {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  isHost: boolean;
  emailVerified: boolean;
};

const wrongCredentials = () => new AppError("UNAUTHORIZED", "Incorrect email or password");

/**
 * Checks an email and password. Unknown emails cost the same hash as known ones; whether the
 * account is suspended is only said to someone who knows its password.
 */
export async function checkPassword(db: DbOrTx, email: string, password: string): Promise<SignedInUser> {
  const [row] = await db
    .select({ user: users, passwordHash: credentials.passwordHash, hostId: hostProfiles.userId })
    .from(users)
    .leftJoin(credentials, and(eq(credentials.userId, users.id), eq(credentials.kind, "password")))
    .leftJoin(hostProfiles, eq(hostProfiles.userId, users.id))
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));

  if (!row?.passwordHash || row.user.status === "deleted") {
    await verifyDummyPassword(password);
    throw wrongCredentials();
  }
  if (!(await verifyPassword(row.passwordHash, password))) throw wrongCredentials();
  if (row.user.status !== "active") throw new AppError("FORBIDDEN", "This account is suspended");

  if (needsRehash(row.passwordHash)) {
    // Parameters were raised since this hash was made; the plain password is only here now.
    await db
      .update(credentials)
      .set({ passwordHash: await hashPassword(password) })
      .where(and(eq(credentials.userId, row.user.id), eq(credentials.kind, "password")));
  }
  return toSignedInUser(row.user, row.hostId !== null);
}

export async function loadSignedInUser(db: DbOrTx, userId: string): Promise<SignedInUser | null> {
  const [row] = await db
    .select({ user: users, hostId: hostProfiles.userId })
    .from(users)
    .leftJoin(hostProfiles, eq(hostProfiles.userId, users.id))
    .where(eq(users.id, userId));
  return row ? toSignedInUser(row.user, row.hostId !== null) : null;
}

function toSignedInUser(user: typeof users.$inferSelect, isHost: boolean): SignedInUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    isHost,
    emailVerified: user.emailVerifiedAt !== null,
  };
}
