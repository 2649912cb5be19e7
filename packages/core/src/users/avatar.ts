import { AppError } from "@hometrip/contracts";
import { type Database, users } from "@hometrip/db";
import { eq } from "drizzle-orm";

/**
 * Points the account at a newly stored avatar and returns the key it replaces, so the caller can
 * delete that object. The row lock orders two concurrent uploads: each sees the other's key.
 */
export async function setAvatar(
  db: Database,
  userId: string,
  avatar: { key: string; url: string },
  now: Date,
): Promise<{ previousKey: string | null }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ avatarKey: users.avatarKey })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!row) throw new AppError("UNAUTHORIZED", "This account no longer exists");
    await tx
      .update(users)
      .set({ avatarKey: avatar.key, avatarUrl: avatar.url, updatedAt: now })
      .where(eq(users.id, userId));
    return { previousKey: row.avatarKey };
  });
}
