import { type DbOrTx, hostProfiles, users } from "@hometrip/db";
import { and, eq, sql } from "drizzle-orm";

/** What any visitor may see of a member. */
export interface PublicProfile {
  userId: string;
  displayName: string;
  avatarUrl: string | null;
  bio: string;
  languages: string[];
  isHost: boolean;
  memberSince: Date;
}

/** Null for unknown, suspended and closed accounts alike: others cannot tell them apart. */
export async function findPublicProfile(db: DbOrTx, userId: string): Promise<PublicProfile | null> {
  const [row] = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      avatarUrl: users.avatarUrl,
      bio: users.bio,
      languages: users.languages,
      isHost: sql<boolean>`${hostProfiles.userId} is not null`,
      memberSince: users.createdAt,
    })
    .from(users)
    .leftJoin(hostProfiles, eq(hostProfiles.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.status, "active")));
  return row ?? null;
}
