import { type DbOrTx, hostProfiles, users } from "@hometrip/db";
import { and, eq } from "drizzle-orm";

/** Host = a member with a host profile. */
export async function hasHostProfile(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: hostProfiles.userId })
    .from(hostProfiles)
    .where(eq(hostProfiles.userId, userId));
  return row !== undefined;
}

export async function isActiveAdmin(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, "admin"), eq(users.status, "active")));
  return row !== undefined;
}
