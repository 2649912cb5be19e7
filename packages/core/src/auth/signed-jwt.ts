import { decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from "jose";

/** One HMAC key: `kid` goes in the token header so keys can rotate (see JWT_SIGNING_KEYS). */
export type SigningKey = { kid: string; secret: string };

export const jwtAlgorithm = "HS256";

export const encodeSecret = (key: SigningKey) => new TextEncoder().encode(key.secret);

/**
 * The payload of a token signed by one of `keys`, or null. Only HS256 is accepted (so `alg: none`
 * and algorithm confusion fail), the `kid` must name a configured key, and issuer, audience, `typ`
 * and expiry are checked at `now`. Every token we issue (access, 2FA challenge) goes through here.
 */
export async function verifySignedJwt(
  keys: readonly SigningKey[],
  token: string,
  expected: { issuer: string; audience: string; typ: string; requiredClaims: string[]; now: Date },
): Promise<JWTPayload | null> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    return null;
  }
  const key = keys.find((k) => k.kid === kid);
  if (!key) return null;
  try {
    const { payload } = await jwtVerify(token, encodeSecret(key), {
      algorithms: [jwtAlgorithm],
      issuer: expected.issuer,
      audience: expected.audience,
      currentDate: expected.now,
      requiredClaims: expected.requiredClaims,
      typ: expected.typ,
    });
    return payload;
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}
