import * as oauth from "oauth4webapi";
import type { OAuthIdentity } from "./oauth-client.ts";
import { OAuthSignInError } from "./oauth-errors.ts";
import type { OAuthProvider } from "./oauth-providers.ts";

type GoogleProvider = Extract<OAuthProvider, { kind: "oidc" }>;

async function discover(provider: GoogleProvider): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(provider.issuer);
  const response = await oauth.discoveryRequest(issuer, {
    algorithm: "oidc",
    [oauth.allowInsecureRequests]: provider.allowInsecureRequests,
  });
  return oauth.processDiscoveryResponse(issuer, response);
}

export async function googleAuthorizationUrl(
  provider: GoogleProvider,
  input: { redirectUri: string; state: string; codeChallenge: string; nonce: string },
): Promise<URL> {
  const as = await discover(provider);
  if (!as.authorization_endpoint)
    throw new OAuthSignInError("oauth_unavailable", "issuer has no authorization endpoint");
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set("client_id", provider.clientId);
  url.searchParams.set("redirect_uri", input.redirectUri);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", "openid email profile");
  url.searchParams.set("state", input.state);
  url.searchParams.set("nonce", input.nonce);
  url.searchParams.set("code_challenge", input.codeChallenge);
  url.searchParams.set("code_challenge_method", "S256");
  // Always show Google's account chooser: a shared computer must not sign in the last user silently.
  url.searchParams.set("prompt", "select_account");
  return url;
}

export async function completeGoogleSignIn(
  provider: GoogleProvider,
  input: {
    callbackParams: URLSearchParams;
    redirectUri: string;
    state: string;
    codeVerifier: string;
    nonce: string;
  },
): Promise<OAuthIdentity> {
  const as = await discover(provider);
  const client: oauth.Client = { client_id: provider.clientId };
  const insecure = { [oauth.allowInsecureRequests]: provider.allowInsecureRequests };
  const params = oauth.validateAuthResponse(as, client, input.callbackParams, input.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.ClientSecretPost(provider.clientSecret),
    params,
    input.redirectUri,
    input.codeVerifier,
    insecure,
  );
  const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
    expectedNonce: input.nonce,
    requireIdToken: true,
  });
  // oauth4webapi trusts TLS for the ID token's origin and skips the signature; we check it against
  // the issuer's JWKS anyway, which also covers the plain-http stand-in where there is no TLS.
  await oauth.validateApplicationLevelSignature(as, response, insecure);
  const claims = oauth.getValidatedIdTokenClaims(result);
  if (!claims) throw new OAuthSignInError("oauth_failed", "token response carried no ID token");
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null;
  return {
    provider: "google",
    accountId: claims.sub,
    email,
    emailVerified: email !== null && claims.email_verified === true,
    displayName: typeof claims.name === "string" ? claims.name : null,
  };
}
