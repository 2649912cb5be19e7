import { AppError } from "@hometrip/contracts";
import { type DbOrTx, hostProfiles, totpFactors, users } from "@hometrip/db";
import { and, eq, isNotNull, sql } from "drizzle-orm";

/** A member's own view of their account, private fields included. */
export interface Account {
  id: string;
  email: string;
  displayName: string;
  bio: string;
  languages: string[];
  phone: string | null;
  avatarUrl: string | null;
  roles: { isHost: boolean; isAdmin: boolean };
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  memberSince: Date;
}

export interface ProfileChanges {
  displayName?: string;
  bio?: string;
  languages?: string[];
  phone?: string | null;
}

/** Host and 2FA flags come from the database, not the access token, so they are never stale. */
export async function loadAccount(db: DbOrTx, userId: string): Promise<Account> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      bio: users.bio,
      languages: users.languages,
      phone: users.phone,
      avatarUrl: users.avatarUrl,
      role: users.role,
      status: users.status,
      emailVerifiedAt: users.emailVerifiedAt,
      createdAt: users.createdAt,
      isHost: sql<boolean>`${hostProfiles.userId} is not null`,
      twoFactorEnabled: sql<boolean>`${totpFactors.userId} is not null`,
    })
    .from(users)
    .leftJoin(hostProfiles, eq(hostProfiles.userId, users.id))
    .leftJoin(totpFactors, and(eq(totpFactors.userId, users.id), isNotNull(totpFactors.confirmedAt)))
    .where(eq(users.id, userId));
  // A still-valid token of a closed account gets the answer of no account at all.
  if (!row || row.status === "deleted") throw new AppError("UNAUTHORIZED", "This account no longer exists");
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    bio: row.bio,
    languages: row.languages,
    phone: row.phone,
    avatarUrl: row.avatarUrl,
    roles: { isHost: row.isHost, isAdmin: row.role === "admin" },
    emailVerified: row.emailVerifiedAt !== null,
    twoFactorEnabled: row.twoFactorEnabled,
    memberSince: row.createdAt,
  };
}

/** Applies the given fields (already validated); fields left undefined stay as they are. */
export async function updateProfile(
  db: DbOrTx,
  userId: string,
  changes: ProfileChanges,
  now: Date,
): Promise<void> {
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  if (Object.keys(set).length === 0) return;
  await db
    .update(users)
    .set({ ...set, updatedAt: now })
    .where(eq(users.id, userId));
}
