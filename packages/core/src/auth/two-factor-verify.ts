import { AppError } from "@hometrip/contracts";
import { credentials, type DbOrTx, recoveryCodes, totpFactors } from "@hometrip/db";
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { verifyDummyPassword, verifyPassword } from "./password.ts";
import { hashRecoveryCode } from "./recovery-codes.ts";
import { matchTotp } from "./totp.ts";
import { openTotpSecret } from "./totp-secret-box.ts";
import type { TwoFactorKeys } from "./two-factor-keys.ts";

export type SecondFactor = { code: string } | { recoveryCode: string };

/**
 * Checks a TOTP code or a recovery code against the user's confirmed factor and spends it: the
 * code's step becomes `last_used_step`, the recovery code gets `used_at`. Both are conditional
 * UPDATEs, so two concurrent requests with one code cannot both pass.
 */
export async function verifySecondFactor(
  db: DbOrTx,
  keys: TwoFactorKeys,
  userId: string,
  factor: SecondFactor,
  now: Date,
): Promise<"totp" | "recovery_code" | null> {
  if ("recoveryCode" in factor) {
    const codeHash = await hashRecoveryCode(keys.recovery, factor.recoveryCode);
    const used = await db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(recoveryCodes.userId, userId),
          eq(recoveryCodes.codeHash, codeHash),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    return used.length > 0 ? "recovery_code" : null;
  }
  const [factorRow] = await db
    .select()
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt)));
  if (!factorRow) return null;
  const secret = await openTotpSecret(keys.encryption, factorRow.secretCiphertext, userId);
  const step = await matchTotp(secret, factor.code, now, { lastUsedStep: factorRow.lastUsedStep });
  if (step === null) return null;
  const spent = await db
    .update(totpFactors)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(totpFactors.userId, userId),
        or(isNull(totpFactors.lastUsedStep), lt(totpFactors.lastUsedStep, step)),
      ),
    )
    .returning({ userId: totpFactors.userId });
  return spent.length > 0 ? "totp" : null;
}

/**
 * Re-authentication for security changes: the account password. An account that only signs in
 * through OAuth has none; it must set one (password reset) before it can turn 2FA off.
 */
export async function verifyAccountPassword(db: DbOrTx, userId: string, password: string): Promise<boolean> {
  const [row] = await db
    .select({ passwordHash: credentials.passwordHash })
    .from(credentials)
    .where(and(eq(credentials.userId, userId), eq(credentials.kind, "password")));
  if (!row?.passwordHash) return verifyDummyPassword(password);
  return verifyPassword(row.passwordHash, password);
}

/** Password and second factor together, or one AppError that does not say which was wrong. */
export async function reauthenticate(
  db: DbOrTx,
  keys: TwoFactorKeys,
  input: { userId: string; password: string; factor: SecondFactor; now: Date },
): Promise<void> {
  const passwordOk = await verifyAccountPassword(db, input.userId, input.password);
  // The factor is only spent when the password was right, so a wrong password burns no code.
  const factorOk =
    passwordOk && (await verifySecondFactor(db, keys, input.userId, input.factor, input.now)) !== null;
  if (!factorOk) throw new AppError("FORBIDDEN", "The password or code is not correct");
}
