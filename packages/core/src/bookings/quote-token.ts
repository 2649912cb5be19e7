import { AppError, QUOTE_TTL_SECONDS } from "@hometrip/contracts";
import type { SigningKey } from "../auth/signed-jwt.ts";
import type { WebCryptoKey } from "../auth/totp-secret-box.ts";

/** What a quote token binds: booking with it charges exactly these amounts for exactly this stay. */
export interface QuoteClaims {
  listingId: string;
  checkIn: string;
  checkOut: string;
  guests: number;
  guestId: string;
  guestTotal: number;
  hostFee: number;
  currency: string;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * Quote tokens are HMAC-SHA256 over the claims, keyed by a key derived from each JWT signing
 * key (JWT_SIGNING_KEYS) for this purpose alone, so an access token can never pass as a quote or
 * the other way round, and rotating the JWT keys rotates these too. Format:
 * `<kid>.<base64url claims JSON>.<base64url MAC>`.
 */
const purpose = new TextEncoder().encode("hometrip/booking-quote/v1");

async function quoteKey(key: SigningKey): Promise<WebCryptoKey> {
  const master = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(key.secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const derived = await crypto.subtle.sign("HMAC", master, purpose);
  return crypto.subtle.importKey("raw", derived, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function quoteExpiry(now: Date): number {
  return Math.floor(now.getTime() / 1000) + QUOTE_TTL_SECONDS;
}

export async function signQuote(keys: readonly SigningKey[], claims: QuoteClaims): Promise<string> {
  const key = keys[0];
  if (!key) throw new Error("no signing key configured");
  const body = toBase64Url(new TextEncoder().encode(JSON.stringify(claims)));
  const mac = await crypto.subtle.sign(
    "HMAC",
    await quoteKey(key),
    new TextEncoder().encode(`${key.kid}.${body}`),
  );
  return `${key.kid}.${body}.${toBase64Url(new Uint8Array(mac))}`;
}

export const quoteInvalid = () =>
  new AppError("BAD_REQUEST", "This quote is not valid: get a new quote and try again", {
    details: { reason: "quote_invalid", requote: true },
  });

export const quoteExpired = () =>
  new AppError("CONFLICT", "This quote has expired: get a new quote and try again", {
    details: { reason: "quote_expired", requote: true },
  });

/**
 * The claims of an authentic, unexpired token; a forged or altered one is BAD_REQUEST, a late one
 * CONFLICT. `now` null skips the expiry (a retried create finds its booking after the quote lapsed).
 */
export async function verifyQuote(
  keys: readonly SigningKey[],
  token: string,
  now: Date | null,
): Promise<QuoteClaims> {
  const [kid, body, mac, extra] = token.split(".");
  const key = keys.find((k) => k.kid === kid);
  const macBytes = mac === undefined ? null : fromBase64Url(mac);
  if (!key || body === undefined || !macBytes || extra !== undefined) throw quoteInvalid();
  const authentic = await crypto.subtle.verify(
    "HMAC",
    await quoteKey(key),
    macBytes,
    new TextEncoder().encode(`${kid}.${body}`),
  );
  if (!authentic) throw quoteInvalid();
  const claims = JSON.parse(new TextDecoder().decode(fromBase64Url(body) ?? new Uint8Array())) as QuoteClaims;
  if (now && claims.expiresAt * 1000 <= now.getTime()) throw quoteExpired();
  return claims;
}
