import { createHash, randomBytes } from "node:crypto";
import { SignJWT } from "jose";

const TOKEN_LIFETIME_SECONDS = 5 * 60;

export interface SignatureInput {
  /** Destination URL; the Receiver compares it with `sub` when the consumer passes `url`. */
  url: string;
  body: Uint8Array;
  /** Unix ms; defaults to the wall clock. */
  now?: number;
}

export type SignDelivery = (input: SignatureInput) => Promise<string>;

/**
 * Signs like QStash: an HS256 JWT over the destination and the body's SHA-256.
 * Production signs with the current key only; the next key exists so consumers can rotate
 * (Receiver tries current, then next), which is why it plays no part here.
 */
export function createSigner(currentSigningKey: string): SignDelivery {
  // Imported once: jose imports a raw key again on every signature.
  const key = crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(currentSigningKey),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return async ({ url, body, now = Date.now() }) => {
    const issuedAt = Math.floor(now / 1000);
    return new SignJWT({
      // Receiver strips "=" from both sides before comparing, so unpadded base64url is exact.
      body: createHash("sha256").update(body).digest("base64url"),
    })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer("Upstash")
      .setSubject(url)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
      .setJti(`jwt_${randomBytes(12).toString("base64url")}`)
      .sign(await key);
  };
}
