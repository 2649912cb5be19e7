import { createHash, createHmac, randomUUID } from "node:crypto";

export const signingKeys = {
  current: "sig_test_current_0123456789abcdef",
  next: "sig_test_next_0123456789abcdef00",
};

const b64url = (input: string | Buffer) => Buffer.from(input).toString("base64url");

/**
 * Signs a delivery the way QStash does (HS256 JWT, sub = destination URL, body = SHA-256 of the
 * raw body), with knobs to produce the broken variants a consumer must reject.
 */
export function signDelivery(opts: {
  url: string;
  body: string;
  key?: string;
  /** Seconds relative to now. */
  issuedAtOffset?: number;
  lifetime?: number;
}): string {
  const iat = Math.floor(Date.now() / 1000) + (opts.issuedAtOffset ?? 0);
  const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const claims = b64url(
    JSON.stringify({
      iss: "Upstash",
      sub: opts.url,
      iat,
      nbf: iat,
      exp: iat + (opts.lifetime ?? 300),
      jti: `jwt_${randomUUID()}`,
      body: createHash("sha256").update(opts.body).digest("base64url"),
    }),
  );
  const signature = createHmac("sha256", opts.key ?? signingKeys.current)
    .update(`${header}.${claims}`)
    .digest("base64url");
  return `${header}.${claims}.${signature}`;
}

export function pingEnvelope(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    type: "system.pinged",
    version: 1,
    occurredAt: new Date().toISOString(),
    payload: { note: "hello from a test", requestedBy: "test-operator" },
    ...overrides,
  };
}
