import {
  ROOM_TOKEN_TTL_SECONDS,
  type RoomAddress,
  type TRoomTokenClaims,
  zRoomTokenClaims,
} from "@hometrip/contracts";

/*
 * Room tokens: `base64url(claims JSON).base64url(HMAC-SHA256(secret, first part))`. WebCrypto only,
 * so the API (which signs) and the realtime Worker (which verifies) share this file with no
 * dependency. Short-lived on purpose: a room cannot ask the database whether someone is still a
 * participant, so the API decides at issue time and the expiry bounds how long that answer lasts.
 */

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replaceAll("-", "+").replaceAll("_", "/") + "=".repeat((4 - (text.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function hmacKey(secret: string): ReturnType<typeof crypto.subtle.importKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

export type SignedRoomToken = { token: string; expiresAt: Date };

export async function signRoomToken(
  secret: string,
  claims: { userId: string; room: RoomAddress },
  opts: { now?: Date; ttlSeconds?: number } = {},
): Promise<SignedRoomToken> {
  const nowSeconds = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const exp = nowSeconds + (opts.ttlSeconds ?? ROOM_TOKEN_TTL_SECONDS);
  const body: TRoomTokenClaims = { sub: claims.userId, room: claims.room, exp };
  const payload = base64url(encoder.encode(JSON.stringify(body)));
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(payload));
  return { token: `${payload}.${base64url(new Uint8Array(signature))}`, expiresAt: new Date(exp * 1000) };
}

export type RoomTokenCheck =
  | { ok: true; userId: string; room: RoomAddress; exp: number }
  | { ok: false; reason: "missing" | "malformed" | "bad signature" | "expired" | "other room" };

/**
 * Verifies a token for `room`. The signature is checked with `crypto.subtle.verify` (constant
 * time) before anything in the claims is believed.
 */
export async function verifyRoomToken(
  secret: string,
  token: string | null | undefined,
  room: RoomAddress,
  opts: { now?: Date } = {},
): Promise<RoomTokenCheck> {
  if (!token) return { ok: false, reason: "missing" };
  if (token.length > 1024) return { ok: false, reason: "malformed" };
  const [payload, signaturePart, extra] = token.split(".");
  const signature = signaturePart === undefined ? null : fromBase64url(signaturePart);
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  const valid = await crypto.subtle.verify("HMAC", await hmacKey(secret), signature, encoder.encode(payload));
  if (!valid) return { ok: false, reason: "bad signature" };
  const json = fromBase64url(payload);
  let claims: TRoomTokenClaims;
  try {
    claims = zRoomTokenClaims.parse(JSON.parse(new TextDecoder().decode(json ?? new Uint8Array())));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (claims.exp * 1000 <= (opts.now ?? new Date()).getTime()) return { ok: false, reason: "expired" };
  if (claims.room !== room) return { ok: false, reason: "other room" };
  return { ok: true, userId: claims.sub, room: claims.room, exp: claims.exp };
}
