import { createHash, createHmac, randomBytes } from "node:crypto";

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
 *
 * The token is put together here with node:crypto's HMAC rather than jose's SignJWT: WebCrypto's
 * `sign` runs on a worker thread, and at thousands of deliveries a second the hand-off to it and
 * back cost the broker more than the HMAC itself. The bytes are the same JWS either way.
 */
export function createSigner(currentSigningKey: string): SignDelivery {
  const key = Buffer.from(currentSigningKey);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  return async ({ url, body, now = Date.now() }) => {
    const issuedAt = Math.floor(now / 1000);
    const claims = {
      // Receiver strips "=" from both sides before comparing, so unpadded base64url is exact.
      body: createHash("sha256").update(body).digest("base64url"),
      iss: "Upstash",
      sub: url,
      iat: issuedAt,
      nbf: issuedAt,
      exp: issuedAt + TOKEN_LIFETIME_SECONDS,
      jti: `jwt_${randomBytes(12).toString("base64url")}`,
    };
    const signingInput = `${header}.${base64url(JSON.stringify(claims))}`;
    return `${signingInput}.${createHmac("sha256", key).update(signingInput).digest("base64url")}`;
  };
}

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}
