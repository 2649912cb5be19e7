import { type UserRole, zUserRole } from "@hometrip/contracts";
import { SignJWT } from "jose";
import * as z from "zod";
import { jwtAlgorithm as algorithm, encodeSecret, type SigningKey, verifySignedJwt } from "./signed-jwt.ts";

export type { SigningKey };

export type AccessClaims = {
  /** User id. */
  sub: string;
  /** Session family id: revoking the session revokes its access tokens too. */
  sid: string;
  role: UserRole;
  host: boolean;
};

export const accessTokenIssuer = "hometrip-api";
export const accessTokenAudience = "hometrip";

const zClaims = z.object({
  sub: z.uuid(),
  sid: z.uuid(),
  role: zUserRole,
  host: z.boolean(),
});

/**
 * Signs with the first key; the others only verify (tokens signed before a rotation). Each token
 * carries its own random `jti`, so two tokens for one session issued in the same second (a log-in
 * and a refresh, say) are never the same string.
 */
export async function signAccessToken(
  keys: readonly SigningKey[],
  claims: AccessClaims,
  ttlSeconds: number,
  now: Date,
): Promise<string> {
  const key = keys[0];
  if (!key) throw new Error("no signing key configured");
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ sid: claims.sid, role: claims.role, host: claims.host })
    .setProtectedHeader({ alg: algorithm, kid: key.kid, typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuer(accessTokenIssuer)
    .setAudience(accessTokenAudience)
    .setJti(crypto.randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(encodeSecret(key));
}

/**
 * The claims of a valid token, or null. Only HS256 is accepted (so `alg: none` and algorithm
 * confusion fail), the `kid` must name a configured key, and iss, aud and exp are checked at `now`.
 */
export async function verifyAccessToken(
  keys: readonly SigningKey[],
  token: string,
  now: Date,
): Promise<AccessClaims | null> {
  const payload = await verifySignedJwt(keys, token, {
    issuer: accessTokenIssuer,
    audience: accessTokenAudience,
    typ: "JWT",
    requiredClaims: ["exp", "iat", "sub"],
    now,
  });
  const claims = zClaims.safeParse(payload);
  return claims.success ? claims.data : null;
}
