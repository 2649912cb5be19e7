import { AppError } from "@hometrip/contracts";
import { type Database, type DbOrTx, notificationSettings, phoneVerificationCodes } from "@hometrip/db";
import { and, eq } from "drizzle-orm";
import { constantTimeEqual, hashToken } from "../auth/tokens.ts";
import { recordEvent } from "../events/record-event.ts";

/** A texted code is good for ten minutes and five wrong guesses (a 1 in 200,000 chance to guess). */
export const phoneCodeTtlMs = 10 * 60_000;
export const maxPhoneCodeAttempts = 5;

const wrongCode = (message: string) =>
  new AppError("BAD_REQUEST", message, { details: { issues: [{ path: "code", message }] } });

/**
 * The saved, not yet verified number a code may be texted to; refuses (400/409) when there is none.
 * The caller spends the per-number send budget on it before `requestPhoneVerification`.
 */
export async function phoneAwaitingVerification(db: DbOrTx, userId: string): Promise<string> {
  const [settings] = await db
    .select({ phone: notificationSettings.phone, verified: notificationSettings.phoneVerified })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  if (!settings?.phone)
    throw new AppError("BAD_REQUEST", "Save a mobile number first; the code is texted to it");
  if (settings.verified) throw new AppError("CONFLICT", "This number is already verified");
  return settings.phone;
}

/**
 * Asks the workers (via the outbox) to text a code: they mint it, so the raw code never sits in
 * the outbox, the broker or logs, and a failed send rolls the code back and is retried.
 */
export async function requestPhoneVerification(db: DbOrTx, userId: string, phone: string): Promise<string> {
  const { id } = await recordEvent(db, "auth.phone_verification_requested", { userId, phone });
  return id;
}

/** Six uniform random digits (rejection sampling: no modulo bias toward low codes). */
function randomSixDigits(): string {
  const limit = 4_294_000_000; // the largest multiple of 1,000,000 below 2^32
  const word = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(word);
    if ((word[0] as number) < limit) return String((word[0] as number) % 1_000_000).padStart(6, "0");
  }
}

/**
 * Bound to the member and the number, so a code is worth nothing for another account or a number
 * saved later. A database reader could try all million codes against it, but such a reader can set
 * `phone_verified` directly; the hash keeps live codes out of backups and query logs.
 */
function codeHash(userId: string, phone: string, code: string): Promise<string> {
  return hashToken(`phone-code:${userId}:${phone}:${code}`);
}

/**
 * Mints the member's code for `phone` (replacing any earlier one) and returns it for the text, or
 * null when the number is no longer the saved one or is already verified (the request is stale).
 */
export async function issuePhoneCode(
  tx: DbOrTx,
  opts: { userId: string; phone: string; now: Date },
): Promise<string | null> {
  const [settings] = await tx
    .select({ phone: notificationSettings.phone, verified: notificationSettings.phoneVerified })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, opts.userId));
  if (!settings || settings.phone !== opts.phone || settings.verified) return null;
  const code = randomSixDigits();
  const row = {
    phone: opts.phone,
    codeHash: await codeHash(opts.userId, opts.phone, code),
    expiresAt: new Date(opts.now.getTime() + phoneCodeTtlMs),
    failedAttempts: 0,
    createdAt: opts.now,
  };
  await tx
    .insert(phoneVerificationCodes)
    .values({ userId: opts.userId, ...row })
    .onConflictDoUpdate({ target: phoneVerificationCodes.userId, set: row });
  return code;
}

type CheckOutcome = { ok: true } | { ok: false; error: AppError };

/**
 * Checks the member's own waiting code (never anyone else's) and marks the number verified. A
 * wrong guess is counted even though the call fails: the count commits before the error is thrown.
 */
export async function verifyPhoneCode(db: Database, userId: string, code: string, now: Date): Promise<void> {
  const outcome = await db.transaction(async (tx): Promise<CheckOutcome> => {
    const [settings] = await tx
      .select({ phone: notificationSettings.phone, verified: notificationSettings.phoneVerified })
      .from(notificationSettings)
      .where(eq(notificationSettings.userId, userId))
      .for("update");
    if (!settings?.phone)
      return { ok: false, error: new AppError("BAD_REQUEST", "No mobile number is saved") };
    if (settings.verified)
      return { ok: false, error: new AppError("CONFLICT", "This number is already verified") };
    const [waiting] = await tx
      .select()
      .from(phoneVerificationCodes)
      .where(eq(phoneVerificationCodes.userId, userId))
      .for("update");
    const drop = () => tx.delete(phoneVerificationCodes).where(eq(phoneVerificationCodes.userId, userId));
    if (!waiting || waiting.phone !== settings.phone) {
      if (waiting) await drop();
      return { ok: false, error: wrongCode("No code is waiting for this number; send a code first") };
    }
    if (waiting.expiresAt.getTime() <= now.getTime()) {
      await drop();
      return { ok: false, error: wrongCode("This code has expired; send a new one") };
    }
    if (waiting.failedAttempts >= maxPhoneCodeAttempts) {
      await drop();
      return { ok: false, error: wrongCode("Too many wrong codes; send a new one") };
    }
    const expected = new TextEncoder().encode(waiting.codeHash);
    const given = new TextEncoder().encode(await codeHash(userId, waiting.phone, code));
    if (!constantTimeEqual(expected, given)) {
      const failed = waiting.failedAttempts + 1;
      const left = maxPhoneCodeAttempts - failed;
      if (left <= 0) await drop();
      else
        await tx
          .update(phoneVerificationCodes)
          .set({ failedAttempts: failed })
          .where(eq(phoneVerificationCodes.userId, userId));
      const message =
        left <= 0
          ? "That code is wrong and no tries are left; send a new one"
          : `That code is wrong; ${left} ${left === 1 ? "try" : "tries"} left`;
      return { ok: false, error: wrongCode(message) };
    }
    await drop();
    await tx
      .update(notificationSettings)
      .set({ phoneVerified: true, updatedAt: now })
      .where(and(eq(notificationSettings.userId, userId), eq(notificationSettings.phone, waiting.phone)));
    return { ok: true };
  });
  if (!outcome.ok) throw outcome.error;
}
