import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { setCookieLines } from "./auth-helpers.ts";
import { sql } from "./db.ts";
import { call } from "./harness.ts";

export type Provider = "google" | "github";

/** The stand-in serves both providers; its root is the Google issuer. */
const providerUrl = () => env.OAUTH_GOOGLE_ISSUER ?? "";

/** What the stand-in will say about the person signing in as `email`. */
export async function providerUser(user: {
  email: string;
  email_verified: boolean;
  sub?: string;
  name?: string;
}) {
  const response = await fetch(`${providerUrl()}/__test/users`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sub: user.sub ?? String(Math.floor(Math.random() * 1e12)), ...user }),
  });
  expect(response.status).toBe(200);
}

/** Set-Cookie values (without attributes) by cookie name. */
export function setCookieValues(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const line of setCookieLines(response.headers)) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
  return cookies;
}

/** GET /auth/oauth/:provider/start: the provider URL plus the browser-binding cookie. */
export async function startSignIn(provider: Provider, redirectTo?: string) {
  const query = redirectTo === undefined ? "" : `?redirectTo=${encodeURIComponent(redirectTo)}`;
  const response = await call(`/auth/oauth/${provider}/start${query}`);
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location") ?? "");
  return { location, binding: setCookieValues(response).get("ht_oauth_state") ?? "" };
}

/** The browser at the provider: signs in as `email` and comes back with the callback URL. */
export async function authorizeAtProvider(location: URL, email: string): Promise<URL> {
  const url = new URL(location);
  url.searchParams.set("login_hint", email);
  const response = await fetch(url, { redirect: "manual" });
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location") ?? "");
}

/** The browser back on the web origin, which proxies /auth/oauth/* to the API. */
export function openCallback(callback: URL, binding: string | null) {
  expect(callback.origin).toBe(env.APP_URL);
  const headers: Record<string, string> = binding === null ? {} : { cookie: `ht_oauth_state=${binding}` };
  return call(`${callback.pathname}${callback.search}`, { headers });
}

/** start -> provider -> callback, as a browser would go through it. */
export async function signInWith(provider: Provider, email: string, redirectTo?: string) {
  const { location, binding } = await startSignIn(provider, redirectTo);
  const callback = await authorizeAtProvider(location, email);
  return openCallback(callback, binding);
}

export function loginError(response: Response): string | null {
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location") ?? "");
  expect(`${location.origin}${location.pathname}`).toBe(`${env.APP_URL}/login`);
  return location.searchParams.get("error");
}

export async function insertUser(email: string, opts: { verified: boolean }) {
  const [row] = await sql<{ id: string }>(
    "insert into users (email, display_name, email_verified_at) values ($1, 'Existing member', $2) returning id",
    [email, opts.verified ? new Date() : null],
  );
  return row!.id;
}

export function oauthCredentials(userId: string) {
  return sql<{ provider: string; provider_account_id: string }>(
    "select provider, provider_account_id from credentials where user_id = $1 and kind = 'oauth' order by provider",
    [userId],
  );
}

export async function userIdByEmail(email: string) {
  const [row] = await sql<{ id: string; email_verified_at: Date | null }>(
    "select id, email_verified_at from users where lower(email) = lower($1)",
    [email],
  );
  return row;
}
