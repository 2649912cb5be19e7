import * as oauth from "oauth4webapi";
import * as z from "zod";
import type { OAuthIdentity } from "./oauth-client.ts";
import { OAuthSignInError } from "./oauth-errors.ts";
import type { OAuthProvider } from "./oauth-providers.ts";

type GithubProvider = Extract<OAuthProvider, { kind: "github" }>;

/** GitHub's REST API refuses requests without one. */
const userAgent = "HomeTrip";

const zGithubUser = z.object({
  id: z.number().int(),
  login: z.string(),
  name: z.string().nullable().optional(),
});
const zGithubEmails = z.array(z.object({ email: z.string(), verified: z.boolean(), primary: z.boolean() }));

/** GitHub is plain OAuth 2 without discovery: its metadata is our configuration. */
function authorizationServer(provider: GithubProvider): oauth.AuthorizationServer {
  return {
    issuer: new URL(provider.authorizeUrl).origin,
    authorization_endpoint: provider.authorizeUrl,
    token_endpoint: provider.tokenUrl,
  };
}

export function githubAuthorizationUrl(
  provider: GithubProvider,
  input: { redirectUri: string; state: string; codeChallenge: string },
): URL {
  const url = new URL(provider.authorizeUrl);
  url.searchParams.set("client_id", provider.clientId);
  url.searchParams.set("redirect_uri", input.redirectUri);
  url.searchParams.set("scope", "read:user user:email");
  url.searchParams.set("state", input.state);
  url.searchParams.set("code_challenge", input.codeChallenge);
  url.searchParams.set("code_challenge_method", "S256");
  url.searchParams.set("allow_signup", "true");
  return url;
}

export async function completeGithubSignIn(
  provider: GithubProvider,
  input: { callbackParams: URLSearchParams; redirectUri: string; state: string; codeVerifier: string },
): Promise<OAuthIdentity> {
  const as = authorizationServer(provider);
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
  // GitHub reports token errors as 200 with an `error` field; name it instead of "no access_token".
  const peek = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: unknown } | null;
  if (peek && typeof peek.error === "string") {
    throw new OAuthSignInError("oauth_failed", `github token endpoint refused: ${peek.error}`);
  }
  const { access_token: accessToken } = await oauth.processAuthorizationCodeResponse(as, client, response);

  const api = async <T>(path: string, schema: z.ZodType<T>): Promise<T> => {
    const headers = new Headers({ accept: "application/vnd.github+json", "user-agent": userAgent });
    const res = await oauth.protectedResourceRequest(
      accessToken,
      "GET",
      new URL(`${provider.apiUrl}${path}`),
      headers,
      null,
      insecure,
    );
    if (!res.ok) throw new OAuthSignInError("oauth_unavailable", `github ${path} answered ${res.status}`);
    const parsed = schema.safeParse(await res.json());
    if (!parsed.success)
      throw new OAuthSignInError("oauth_unavailable", `github ${path} answered an unexpected shape`);
    return parsed.data;
  };
  const user = await api("/user", zGithubUser);
  const emails = await api("/user/emails", zGithubEmails);
  // Only the primary address, and only if GitHub verified it: a secondary or unverified address
  // says nothing about who controls the mailbox.
  const primary = emails.find((e) => e.primary && e.verified);
  return {
    provider: "github",
    accountId: String(user.id),
    email: primary ? primary.email.trim().toLowerCase() : null,
    emailVerified: primary !== undefined,
    displayName: user.name || user.login,
  };
}
