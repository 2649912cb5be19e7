import { importRecoveryCodeKey } from "./recovery-codes.ts";
import { importTotpEncryptionKey, type WebCryptoKey } from "./totp-secret-box.ts";

/** Both server keys of the second factor, derived from the one TOTP_ENCRYPTION_KEY setting. */
export type TwoFactorKeys = { encryption: WebCryptoKey; recovery: WebCryptoKey };

export async function importTwoFactorKeys(totpEncryptionKey: string): Promise<TwoFactorKeys> {
  const [encryption, recovery] = await Promise.all([
    importTotpEncryptionKey(totpEncryptionKey),
    importRecoveryCodeKey(totpEncryptionKey),
  ]);
  return { encryption, recovery };
}
