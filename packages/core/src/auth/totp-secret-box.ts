/**
 * TOTP secrets at rest: AES-256-GCM under TOTP_ENCRYPTION_KEY, a fresh 96-bit IV per encryption,
 * stored as base64(iv | ciphertext+tag). The user id is bound in as additional data, so a
 * ciphertext copied onto another user's row fails to decrypt instead of enrolling them.
 */
const IV_BYTES = 12;

/** Named through `crypto.subtle` so the type is the same under Node's and Workers' type definitions. */
export type WebCryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

export async function importTotpEncryptionKey(base64Key: string): Promise<WebCryptoKey> {
  const raw = base64ToBytes(base64Key);
  if (raw.length !== 32) throw new Error("TOTP encryption key must be 32 bytes");
  return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

export async function sealTotpSecret(key: WebCryptoKey, secret: Uint8Array, userId: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(userId) },
    key,
    new Uint8Array(secret),
  );
  const sealed = new Uint8Array(IV_BYTES + ciphertext.byteLength);
  sealed.set(iv);
  sealed.set(new Uint8Array(ciphertext), IV_BYTES);
  return bytesToBase64(sealed);
}

/** Throws when the ciphertext, IV, key or user id do not match (GCM authenticates all of them). */
export async function openTotpSecret(key: WebCryptoKey, sealed: string, userId: string): Promise<Uint8Array> {
  const bytes = base64ToBytes(sealed);
  const plaintext = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: bytes.slice(0, IV_BYTES), additionalData: new TextEncoder().encode(userId) },
    key,
    bytes.slice(IV_BYTES),
  );
  return new Uint8Array(plaintext);
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
