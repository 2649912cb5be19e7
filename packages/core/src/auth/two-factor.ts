import { AppError } from "@hometrip/contracts";
import { type Database, type DbOrTx, recoveryCodes, totpFactors, users } from "@hometrip/db";
import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import { generateRecoveryCodes, hashRecoveryCode } from "./recovery-codes.ts";
import { matchTotp, otpauthUri } from "./totp.ts";
import { base32Encode } from "./totp-base32.ts";
import { openTotpSecret, sealTotpSecret } from "./totp-secret-box.ts";
import type { TwoFactorKeys } from "./two-factor-keys.ts";
import { reauthenticate, type SecondFactor } from "./two-factor-verify.ts";

/**
 * Two-factor authentication with TOTP. Enrolment stores an encrypted, unconfirmed secret; the
 * first valid code confirms it and yields recovery codes (shown once, stored hashed). From then
 * on login asks for a code (`twoFactorRequired`), and turning it off needs password and code.
 */
export const TOTP_ISSUER = "HomeTrip";
const SECRET_BYTES = 20;

export type TwoFactorStatus = { enabled: boolean; enabledAt: Date | null; recoveryCodesRemaining: number };

/** Whether logging in as this user needs a second factor: only once enrolment is confirmed. */
export async function twoFactorRequired(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: totpFactors.userId })
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt)));
  return row !== undefined;
}

export async function twoFactorStatus(db: DbOrTx, userId: string): Promise<TwoFactorStatus> {
  const [factor] = await db
    .select({ confirmedAt: totpFactors.confirmedAt })
    .from(totpFactors)
    .where(eq(totpFactors.userId, userId));
  const [remaining] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  const enabledAt = factor?.confirmedAt ?? null;
  return {
    enabled: enabledAt !== null,
    enabledAt,
    recoveryCodesRemaining: enabledAt ? (remaining?.n ?? 0) : 0,
  };
}

/**
 * A new secret for the authenticator app. Calling again before confirming replaces the pending
 * secret (a lost QR code); an already enabled factor must be disabled first.
 */
export async function beginTotpEnrolment(
  db: DbOrTx,
  keys: TwoFactorKeys,
  input: { userId: string; now: Date },
): Promise<{ secret: string; otpauthUri: string }> {
  if (await twoFactorRequired(db, input.userId)) {
    throw new AppError("CONFLICT", "Two-factor authentication is already on");
  }
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
  if (!user) throw new AppError("NOT_FOUND", "Account not found");
  const secret = crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
  const secretCiphertext = await sealTotpSecret(keys.encryption, secret, input.userId);
  await db
    .insert(totpFactors)
    .values({ userId: input.userId, secretCiphertext, createdAt: input.now })
    .onConflictDoUpdate({
      target: totpFactors.userId,
      set: { secretCiphertext, createdAt: input.now, lastUsedStep: null },
      // Never overwrite a confirmed factor, even if it was confirmed a moment ago by another request.
      setWhere: isNull(totpFactors.confirmedAt),
    });
  const secretBase32 = base32Encode(secret);
  return {
    secret: secretBase32,
    otpauthUri: otpauthUri({ issuer: TOTP_ISSUER, account: user.email, secretBase32 }),
  };
}

/** The first valid code turns the factor on; returns the recovery codes, the only time they are seen. */
export async function confirmTotpEnrolment(
  db: Database,
  keys: TwoFactorKeys,
  input: { userId: string; code: string; now: Date },
): Promise<{ recoveryCodes: string[] }> {
  const [pending] = await db
    .select()
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, input.userId), isNull(totpFactors.confirmedAt)));
  if (!pending)
    throw new AppError("CONFLICT", "Start enrolment first; no authenticator is waiting to be confirmed");
  const secret = await openTotpSecret(keys.encryption, pending.secretCiphertext, input.userId);
  const step = await matchTotp(secret, input.code, input.now);
  if (step === null)
    throw new AppError("BAD_REQUEST", "That code is not valid; check the time on your device");
  const codes = generateRecoveryCodes();
  const hashes = await Promise.all(codes.map((code) => hashRecoveryCode(keys.recovery, code)));
  await db.transaction(async (tx) => {
    const confirmed = await tx
      .update(totpFactors)
      .set({ confirmedAt: input.now, lastUsedStep: step })
      .where(
        and(
          eq(totpFactors.userId, input.userId),
          eq(totpFactors.secretCiphertext, pending.secretCiphertext),
          isNull(totpFactors.confirmedAt),
        ),
      )
      .returning({ userId: totpFactors.userId });
    if (confirmed.length === 0) throw new AppError("CONFLICT", "Enrolment changed meanwhile; start again");
    await replaceRecoveryCodes(tx, input.userId, hashes, input.now);
  });
  return { recoveryCodes: codes };
}

/** Turns 2FA off after password and a code (or recovery code); removes secret and recovery codes. */
export async function disableTwoFactor(
  db: Database,
  keys: TwoFactorKeys,
  input: { userId: string; password: string; factor: SecondFactor; now: Date },
): Promise<void> {
  if (!(await twoFactorRequired(db, input.userId))) {
    throw new AppError("CONFLICT", "Two-factor authentication is not on");
  }
  await reauthenticate(db, keys, input);
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId));
    await tx.delete(totpFactors).where(eq(totpFactors.userId, input.userId));
  });
}

/** Fresh recovery codes (password and code required); every earlier code stops working. */
export async function regenerateRecoveryCodes(
  db: Database,
  keys: TwoFactorKeys,
  input: { userId: string; password: string; factor: SecondFactor; now: Date },
): Promise<{ recoveryCodes: string[] }> {
  if (!(await twoFactorRequired(db, input.userId))) {
    throw new AppError("CONFLICT", "Two-factor authentication is not on");
  }
  await reauthenticate(db, keys, input);
  const codes = generateRecoveryCodes();
  const hashes = await Promise.all(codes.map((code) => hashRecoveryCode(keys.recovery, code)));
  await db.transaction((tx) => replaceRecoveryCodes(tx, input.userId, hashes, input.now));
  return { recoveryCodes: codes };
}

async function replaceRecoveryCodes(tx: DbOrTx, userId: string, hashes: string[], now: Date): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
}
