import { type DbOrTx, emailTokens, users } from "@hometrip/db";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { hashToken, randomToken } from "./tokens.ts";

export type EmailTokenPurpose = "verify_email" | "reset_password";

/** Creates a single-use mail link token; only its hash is stored, the raw value goes in the mail. */
export async function issueEmailToken(
  tx: DbOrTx,
  opts: { userId: string; email: string; purpose: EmailTokenPurpose; ttlSeconds: number; now: Date },
): Promise<string> {
  const raw = randomToken();
  await tx.insert(emailTokens).values({
    userId: opts.userId,
    purpose: opts.purpose,
    tokenHash: await hashToken(raw),
    email: opts.email.toLowerCase(),
    createdAt: opts.now,
    expiresAt: new Date(opts.now.getTime() + opts.ttlSeconds * 1000),
  });
  return raw;
}

/**
 * Marks the token used and returns whom it belongs to, or null when it is unknown, used, expired,
 * for another purpose, or sent to an address the account no longer has. One UPDATE, so two
 * concurrent clicks cannot both succeed.
 */
export async function consumeEmailToken(
  tx: DbOrTx,
  raw: string,
  purpose: EmailTokenPurpose,
  now: Date,
): Promise<{ userId: string; email: string } | null> {
  if (raw.length < 16 || raw.length > 256) return null;
  const [row] = await tx
    .update(emailTokens)
    .set({ usedAt: now })
    .from(users)
    .where(
      and(
        eq(emailTokens.tokenHash, await hashToken(raw)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
        eq(users.id, emailTokens.userId),
        eq(sql`lower(${users.email})`, emailTokens.email),
      ),
    )
    .returning({ userId: emailTokens.userId, email: emailTokens.email });
  return row ?? null;
}
