import { createHash, timingSafeEqual } from "node:crypto";
import type { ProviderRequest } from "./http.ts";
import type { AuthorizationGrant, ProviderStore } from "./store.ts";
import type { OidcClient, OidcProviderKind } from "./types.ts";

export class TokenError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

/**
 * client_secret_basic or client_secret_post, never both (RFC 6749 2.3.1). Basic credentials are
 * form-encoded before base64, which is why they are URL-decoded here.
 */
export function authenticateClient(
  kind: OidcProviderKind,
  store: ProviderStore,
  req: ProviderRequest,
): OidcClient {
  const basic = /^Basic (.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  let clientId: string | null;
  let secret: string | null;
  if (basic) {
    if (req.form.has("client_secret"))
      throw new TokenError(400, "invalid_request", "use one client authentication method");
    const decoded = Buffer.from(basic, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " "));
    secret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, " "));
  } else {
    clientId = req.form.get("client_id");
    secret = req.form.get("client_secret");
  }
  const client = clientId ? store.client(kind, clientId) : undefined;
  if (!client || secret === null || !sameSecret(secret, client.clientSecret)) {
    throw new TokenError(401, "invalid_client", "client authentication failed");
  }
  return client;
}

/** Checks a redeemed code against the token request: same client, same redirect URI, PKCE verifier. */
export function checkGrant(
  client: OidcClient,
  grant: AuthorizationGrant | undefined,
  req: ProviderRequest,
  opts: { redirectUriOptional?: boolean } = {},
) {
  if (!grant || grant.clientId !== client.clientId) {
    throw new TokenError(400, "invalid_grant", "the code is invalid, expired or already used");
  }
  const redirectUri = req.form.get("redirect_uri");
  // RFC 6749 4.1.3: required and identical when the authorization request carried one. GitHub
  // lets it be left out of the token request, but checks it when present.
  const omitted = opts.redirectUriOptional && redirectUri === null;
  if (!omitted && redirectUri !== grant.redirectUri)
    throw new TokenError(400, "invalid_grant", "redirect_uri does not match");
  const verifier = req.form.get("code_verifier") ?? "";
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) {
    throw new TokenError(400, "invalid_grant", "code_verifier is missing or malformed");
  }
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  if (challenge !== grant.codeChallenge)
    throw new TokenError(400, "invalid_grant", "PKCE verification failed");
  return grant;
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
