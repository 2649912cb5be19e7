import { type DbOrTx, hostProfiles } from "@hometrip/db";

/** Creates the member's host profile; a second call changes nothing and says so. */
export async function becomeHost(db: DbOrTx, userId: string): Promise<{ created: boolean }> {
  const inserted = await db
    .insert(hostProfiles)
    .values({ userId })
    .onConflictDoNothing({ target: hostProfiles.userId })
    .returning({ userId: hostProfiles.userId });
  return { created: inserted.length > 0 };
}
