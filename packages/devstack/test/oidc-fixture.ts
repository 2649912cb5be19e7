import { createHash, randomBytes } from "node:crypto";
import { type OidcProvider, startOidcProvider } from "../src/oidc/index.ts";

export const REDIRECT_URI = "http://app.test/auth/oauth/callback";
export const GOOGLE = { clientId: "google-client", clientSecret: "google-secret" };
export const GITHUB = { clientId: "github-client", clientSecret: "github-secret" };

export function startTestProvider(): Promise<OidcProvider> {
  return startOidcProvider({
    clients: [
      { provider: "google", ...GOOGLE, redirectUris: [REDIRECT_URI] },
      { provider: "github", ...GITHUB, redirectUris: [REDIRECT_URI] },
    ],
  });
}

export function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** Follows nothing: returns the provider's answer to an authorization request. */
export async function authorizeAt(endpoint: string, params: Record<string, string>): Promise<Response> {
  const url = new URL(endpoint);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return fetch(url, { redirect: "manual" });
}

/** The query of the redirect back to the client. */
export function redirectParams(response: Response): URLSearchParams {
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) throw new Error(`expected a redirect, got ${response.status}`);
  const url = new URL(location);
  if (`${url.origin}${url.pathname}` !== REDIRECT_URI) throw new Error(`redirected elsewhere: ${location}`);
  return url.searchParams;
}

export function form(body: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", ...headers },
    body: new URLSearchParams(body).toString(),
  };
}

export function basic(id: string, secret: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}` };
}
