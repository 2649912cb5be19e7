import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "./auth-helpers.ts";
import { sql } from "./db.ts";
import {
  insertUser,
  loginError,
  oauthCredentials,
  type Provider,
  providerUser,
  setCookieValues,
  signInWith,
} from "./oauth-harness.ts";

describe.each<Provider>(["google", "github"])("account linking by email with %s", (provider) => {
  it("links to an existing account when both sides verified the email", async () => {
    const email = uniqueEmail(`link-${provider}`);
    const userId = await insertUser(email, { verified: true });
    // Provider casing differs from ours: emails match case-insensitively.
    await providerUser({ email: email.toUpperCase(), email_verified: true });

    const response = await signInWith(provider, email.toUpperCase());
    expect(response.headers.get("location")).toBe(`${env.APP_URL}/`);
    expect(setCookieValues(response).get("ht_access")).toBeTruthy();
    expect(await oauthCredentials(userId)).toEqual([{ provider, provider_account_id: expect.any(String) }]);
    const [count] = await sql<{ n: number }>(
      "select count(*)::int as n from users where lower(email) = lower($1)",
      [email],
    );
    expect(count?.n).toBe(1);
  });

  it("does not link when the provider has not verified the email", async () => {
    const email = uniqueEmail(`unverified-provider-${provider}`);
    const userId = await insertUser(email, { verified: true });
    await providerUser({ email, email_verified: false });

    const response = await signInWith(provider, email);
    expect(loginError(response)).toBe("oauth_email_unverified");
    expect(setCookieValues(response).has("ht_access")).toBe(false);
    expect(await oauthCredentials(userId)).toEqual([]);
  });

  it("creates no account from an unverified provider email either", async () => {
    const email = uniqueEmail(`unverified-new-${provider}`);
    await providerUser({ email, email_verified: false });
    expect(loginError(await signInWith(provider, email))).toBe("oauth_email_unverified");
    expect(await sql("select id from users where lower(email) = lower($1)", [email])).toEqual([]);
  });

  it("does not link to an account whose email we never verified (pre-registration takeover)", async () => {
    const email = uniqueEmail(`unverified-local-${provider}`);
    const userId = await insertUser(email, { verified: false });
    await providerUser({ email, email_verified: true });

    const response = await signInWith(provider, email);
    expect(loginError(response)).toBe("oauth_account_unverified");
    expect(await oauthCredentials(userId)).toEqual([]);
  });

  it("refuses a suspended account", async () => {
    const email = uniqueEmail(`suspended-${provider}`);
    const userId = await insertUser(email, { verified: true });
    await sql("update users set status = 'suspended' where id = $1", [userId]);
    await providerUser({ email, email_verified: true });
    expect(loginError(await signInWith(provider, email))).toBe("oauth_account_disabled");
  });
});

describe("two-factor accounts", () => {
  it("sends an account with 2FA to the second step instead of signing it in", async () => {
    const email = uniqueEmail("two-factor");
    const userId = await insertUser(email, { verified: true });
    await sql("insert into totp_factors (user_id, secret_ciphertext, confirmed_at) values ($1, 'x', now())", [
      userId,
    ]);
    await providerUser({ email, email_verified: true });

    const response = await signInWith("google", email, "/account");
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(`${env.APP_URL}/login/two-factor`);
    expect(location.searchParams.get("challenge")).toMatch(/^ey/);
    expect(location.searchParams.get("redirectTo")).toBe("/account");
    const cookies = setCookieValues(response);
    expect(cookies.has("ht_access")).toBe(false);
    expect(cookies.has("ht_refresh")).toBe(false);
  });
});
