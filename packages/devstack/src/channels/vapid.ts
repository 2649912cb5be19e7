import { decodeProtectedHeader, importJWK, jwtVerify } from "jose";

/**
 * Checks `Authorization: vapid t=<JWT>, k=<public key>` (RFC 8292) as push services do: an ES256
 * JWT signed by the key in `k`, for this push service's origin, expiring within 24 hours.
 */
export async function verifyVapid(
  header: string | null,
  audience: string,
  now = new Date(),
): Promise<string | null> {
  const match = /^vapid\s+t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!match) return "missing or malformed vapid Authorization";
  const [, token = "", key = ""] = match;
  const raw = Buffer.from(key, "base64url");
  if (raw.length !== 65 || raw[0] !== 0x04) return "k is not an uncompressed P-256 public key";
  try {
    if (decodeProtectedHeader(token).alg !== "ES256") return "the JWT is not ES256";
    const jwk = {
      kty: "EC",
      crv: "P-256",
      x: raw.subarray(1, 33).toString("base64url"),
      y: raw.subarray(33).toString("base64url"),
    };
    const { payload } = await jwtVerify(token, await importJWK(jwk, "ES256"), { audience, currentDate: now });
    if (typeof payload.exp !== "number" || payload.exp * 1000 - now.getTime() > 24 * 3600_000) {
      return "exp must be within 24 hours";
    }
    if (typeof payload.sub !== "string" || !/^(mailto:|https:)/.test(payload.sub))
      return "sub must be mailto: or https:";
    return null;
  } catch (error) {
    return `vapid JWT refused: ${error instanceof Error ? error.message : String(error)}`;
  }
}
