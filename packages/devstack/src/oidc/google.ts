import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { authorize } from "./authorize.ts";
import { authenticateClient, checkGrant, TokenError } from "./client-auth.ts";
import type { ProviderReply, ProviderRequest, ProviderRoute } from "./http.ts";
import type { ProviderStore } from "./store.ts";
import type { Log } from "./types.ts";

const ID_TOKEN_TTL_SECONDS = 3600;

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** A fresh RS256 key per start, like a provider after rotation: clients must fetch the JWKS. */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = `local-${crypto.randomUUID().slice(0, 8)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  return { kid, privateKey, publicJwk };
}

/** Google's OpenID Connect endpoints, rooted at the issuer URL. */
export function googleRoutes(
  issuer: string,
  key: SigningKey,
  store: ProviderStore,
  log: Log,
): ProviderRoute[] {
  const discovery = {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/userinfo`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ["code"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    scopes_supported: ["openid", "email", "profile"],
    token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
    claims_supported: ["aud", "email", "email_verified", "exp", "iat", "iss", "name", "sub", "nonce"],
    code_challenge_methods_supported: ["S256"],
    grant_types_supported: ["authorization_code"],
  };

  const token = async (req: ProviderRequest): Promise<ProviderReply> => {
    try {
      if (req.contentType !== "application/x-www-form-urlencoded") {
        throw new TokenError(400, "invalid_request", "the body must be application/x-www-form-urlencoded");
      }
      if (req.form.get("grant_type") !== "authorization_code") {
        throw new TokenError(400, "unsupported_grant_type", "only authorization_code is supported");
      }
      const client = authenticateClient("google", store, req);
      const grant = checkGrant(client, store.redeemCode(req.form.get("code") ?? ""), req);
      const { token: accessToken, expiresIn } = store.issueAccessToken({
        provider: "google",
        clientId: client.clientId,
        scope: grant.scope,
        user: grant.user,
      });
      const now = Math.floor(Date.now() / 1000);
      const idToken = await new SignJWT({
        azp: client.clientId,
        email: grant.user.email,
        email_verified: grant.user.email_verified,
        ...(grant.user.name ? { name: grant.user.name } : {}),
        ...(grant.nonce ? { nonce: grant.nonce } : {}),
      })
        .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
        .setIssuer(issuer)
        .setSubject(grant.user.sub)
        .setAudience(client.clientId)
        .setIssuedAt(now)
        .setExpirationTime(now + ID_TOKEN_TTL_SECONDS)
        .sign(key.privateKey);
      log(`google: code exchanged for ${grant.user.email}`);
      return {
        status: 200,
        json: {
          access_token: accessToken,
          token_type: "Bearer",
          expires_in: expiresIn,
          scope: grant.scope,
          id_token: idToken,
        },
      };
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      log(`google: token request refused (${error.error}: ${error.message})`);
      const headers: Record<string, string> = error.status === 401 ? { "www-authenticate": "Basic" } : {};
      return {
        status: error.status,
        json: { error: error.error, error_description: error.message },
        headers,
      };
    }
  };

  const userinfo = (req: ProviderRequest): ProviderReply => {
    const bearer = /^Bearer (.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
    const grant = store.accessGrant("google", bearer);
    if (!grant) {
      return {
        status: 401,
        json: { error: "invalid_token" },
        headers: { "www-authenticate": 'Bearer error="invalid_token"' },
      };
    }
    const { sub, email, email_verified, name } = grant.user;
    return { status: 200, json: { sub, email, email_verified, ...(name ? { name } : {}) } };
  };

  return [
    {
      method: "GET",
      path: "/.well-known/openid-configuration",
      handle: () => ({ status: 200, json: discovery }),
    },
    { method: "GET", path: "/authorize", handle: (req) => authorize("google", store, log, req) },
    { method: "POST", path: "/authorize", handle: (req) => authorize("google", store, log, req) },
    { method: "POST", path: "/token", handle: token },
    { method: "GET", path: "/jwks", handle: () => ({ status: 200, json: { keys: [key.publicJwk] } }) },
    { method: "GET", path: "/userinfo", handle: userinfo },
    { method: "POST", path: "/userinfo", handle: userinfo },
  ];
}
