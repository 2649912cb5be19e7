import { SignJWT } from "jose";
import * as z from "zod";
import { accessTokenIssuer } from "./access-token.ts";
import { jwtAlgorithm as algorithm, encodeSecret, type SigningKey, verifySignedJwt } from "./signed-jwt.ts";

/**
 * The hand-off between "password correct" and "second factor correct": a 5-minute JWT signed with
 * the access keys. Its audience and `typ` differ from an access token's and it has no session id,
 * so verifyAccessToken refuses it: a challenge can never act as a session.
 */
export const TWO_FACTOR_CHALLENGE_TTL_SECONDS = 300;
const audience = "hometrip:2fa";
const typ = "ht-2fa+jwt";

export type TwoFactorChallenge = { userId: string; challengeId: string; expiresAt: Date };

const zClaims = z.object({ sub: z.uuid(), jti: z.uuid(), purpose: z.literal("2fa"), exp: z.number() });

export async function issueTwoFactorChallenge(
  keys: readonly SigningKey[],
  userId: string,
  now: Date,
): Promise<string> {
  const key = keys[0];
  if (!key) throw new Error("no signing key configured");
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ purpose: "2fa" })
    .setProtectedHeader({ alg: algorithm, kid: key.kid, typ })
    .setSubject(userId)
    .setJti(crypto.randomUUID())
    .setIssuer(accessTokenIssuer)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TWO_FACTOR_CHALLENGE_TTL_SECONDS)
    .sign(encodeSecret(key));
}

/** The challenge a valid, unexpired token stands for, or null. */
export async function verifyTwoFactorChallenge(
  keys: readonly SigningKey[],
  token: string,
  now: Date,
): Promise<TwoFactorChallenge | null> {
  const payload = await verifySignedJwt(keys, token, {
    issuer: accessTokenIssuer,
    audience,
    typ,
    requiredClaims: ["exp", "iat", "sub", "jti"],
    now,
  });
  const claims = zClaims.safeParse(payload);
  if (!claims.success) return null;
  return {
    userId: claims.data.sub,
    challengeId: claims.data.jti,
    expiresAt: new Date(claims.data.exp * 1000),
  };
}
