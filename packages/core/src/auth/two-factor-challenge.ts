import { decodeProtectedHeader, errors, jwtVerify, SignJWT } from "jose";
import * as z from "zod";
import { accessTokenIssuer, type SigningKey } from "./access-token.ts";

/**
 * The hand-off between "password correct" and "second factor correct": a 5-minute JWT signed with
 * the access keys. Its audience and `typ` differ from an access token's and it has no session id,
 * so verifyAccessToken refuses it: a challenge can never act as a session.
 */
export const TWO_FACTOR_CHALLENGE_TTL_SECONDS = 300;
const audience = "hometrip:2fa";
const typ = "ht-2fa+jwt";
const algorithm = "HS256";

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
    .sign(new TextEncoder().encode(key.secret));
}

/** The challenge a valid, unexpired token stands for, or null. */
export async function verifyTwoFactorChallenge(
  keys: readonly SigningKey[],
  token: string,
  now: Date,
): Promise<TwoFactorChallenge | null> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    return null;
  }
  const key = keys.find((k) => k.kid === kid);
  if (!key) return null;
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(key.secret), {
      algorithms: [algorithm],
      issuer: accessTokenIssuer,
      audience,
      currentDate: now,
      requiredClaims: ["exp", "iat", "sub", "jti"],
      typ,
    });
    const claims = zClaims.safeParse(payload);
    if (!claims.success) return null;
    return {
      userId: claims.data.sub,
      challengeId: claims.data.jti,
      expiresAt: new Date(claims.data.exp * 1000),
    };
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}
