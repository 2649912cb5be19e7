/**
 * TOTP (RFC 6238) on WebCrypto HMAC, so it runs unchanged in workerd, Bun and Node. Authenticator
 * apps only speak the defaults: SHA-1, 6 digits, 30-second steps; the options exist for the RFC's
 * test vectors.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now, for clock drift and a code typed just as it rolled over. */
export const TOTP_WINDOW = 1;

export type TotpAlgorithm = "SHA-1" | "SHA-256" | "SHA-512";

export interface TotpOptions {
  algorithm?: TotpAlgorithm;
  digits?: number;
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** HOTP (RFC 4226) for one counter value: HMAC, dynamic truncation, decimal digits. */
export async function hotp(secret: Uint8Array, counter: number, opts: TotpOptions = {}): Promise<string> {
  const digits = opts.digits ?? TOTP_DIGITS;
  const key = await crypto.subtle.importKey(
    "raw",
    // A copy on its own ArrayBuffer: DOM typings (the web app checks this file too) refuse views of shared buffers.
    new Uint8Array(secret),
    { name: "HMAC", hash: opts.algorithm ?? "SHA-1" },
    false,
    ["sign"],
  );
  const message = new DataView(new ArrayBuffer(8));
  message.setUint32(0, Math.floor(counter / 2 ** 32));
  message.setUint32(4, counter >>> 0);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, message.buffer));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

export function totpCode(secret: Uint8Array, now: Date, opts: TotpOptions = {}): Promise<string> {
  return hotp(secret, totpStep(now), opts);
}

/**
 * The step a code belongs to, within the window around `now`, or null. Steps at or before
 * `lastUsedStep` are never accepted: a code seen once (even a neighbour in the window) stays spent.
 * Every candidate is computed and compared in full so timing does not say which step matched.
 */
export async function matchTotp(
  secret: Uint8Array,
  code: string,
  now: Date,
  opts: { lastUsedStep?: number | null } = {},
): Promise<number | null> {
  const given = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(given)) return null;
  const current = totpStep(now);
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    const expected = await hotp(secret, step);
    const fresh = opts.lastUsedStep == null || step > opts.lastUsedStep;
    if (sameDigits(expected, given) && fresh && matched === null) matched = step;
  }
  return matched;
}

function sameDigits(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The `otpauth://` URI authenticator apps read from the QR code (Key Uri Format). */
export function otpauthUri(opts: { issuer: string; account: string; secretBase32: string }): string {
  const label = `${encodeURIComponent(opts.issuer)}:${encodeURIComponent(opts.account)}`;
  const params = new URLSearchParams({
    secret: opts.secretBase32,
    issuer: opts.issuer,
    algorithm: "SHA1",
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
