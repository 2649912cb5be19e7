import { base64ToBytes, type WebCryptoKey } from "./totp-secret-box.ts";

/**
 * Recovery codes: 10 codes of 10 characters (50 random bits each) from an alphabet without
 * look-alikes, shown as `xxxxx-xxxxx`. Stored as HMAC-SHA256 under a key derived from
 * TOTP_ENCRYPTION_KEY: the codes have enough entropy that a slow password hash buys nothing,
 * and a keyed hash means a leaked table alone cannot be brute forced offline.
 */
export const RECOVERY_CODE_COUNT = 10;
const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
const CODE_LENGTH = 10;

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, generateRecoveryCode);
}

function generateRecoveryCode(): string {
  let code = "";
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 31).
  const limit = 256 - (256 % alphabet.length);
  while (code.length < CODE_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
      if (byte < limit && code.length < CODE_LENGTH) code += alphabet[byte % alphabet.length];
    }
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a person may type: any case, with or without the dash or spaces. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export async function importRecoveryCodeKey(base64Key: string): Promise<WebCryptoKey> {
  const master = await crypto.subtle.importKey("raw", base64ToBytes(base64Key), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: new Uint8Array(0),
      info: new TextEncoder().encode("hometrip/recovery-codes/v1"),
    },
    master,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign"],
  );
}

export async function hashRecoveryCode(key: WebCryptoKey, code: string): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(normaliseRecoveryCode(code)));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
