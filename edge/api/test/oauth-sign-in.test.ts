import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { setCookieLines, uniqueEmail } from "./auth-helpers.ts";
import { createTestClient, settle } from "./harness.ts";
import {
  oauthCredentials,
  type Provider,
  providerUser,
  setCookieValues,
  signInWith,
  startSignIn,
  userIdByEmail,
} from "./oauth-harness.ts";

describe("auth.oauthProviders", () => {
  it("lists the providers whose client is configured", async () => {
    expect(await createTestClient().auth.oauthProviders.query()).toEqual([
      { id: "google", name: "Google" },
      { id: "github", name: "GitHub" },
    ]);
  });

  it("offers none when no client id is set", async () => {
    const unconfigured = createTestClient({}, { OAUTH_GOOGLE_CLIENT_ID: "", OAUTH_GITHUB_CLIENT_ID: "" });
    expect(await unconfigured.auth.oauthProviders.query()).toEqual([]);
  });
});

describe.each<Provider>(["google", "github"])("sign-in with %s (full code exchange)", (provider) => {
  it("sends the browser to the provider with PKCE S256, state and (OIDC) nonce", async () => {
    const { location, binding } = await startSignIn(provider, "/trips");
    const params = location.searchParams;
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get("state")).toBe(binding);
    expect(params.get("redirect_uri")).toBe(`${env.APP_URL}/auth/oauth/${provider}/callback`);
    expect(params.has("nonce")).toBe(provider === "google");
  });

  it("creates a verified account, sets the session cookies and lands on redirectTo", async () => {
    const email = uniqueEmail(`new-${provider}`);
    await providerUser({ email, email_verified: true, name: "New Member" });
    const response = await signInWith(provider, email, "/trips?upcoming=1");

    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${env.APP_URL}/trips?upcoming=1`);
    const cookies = setCookieValues(response);
    expect(cookies.get("ht_access")).toBeTruthy();
    expect(cookies.get("ht_refresh")).toBeTruthy();
    const attributes = setCookieLines(response.headers).find((line) => line.startsWith("ht_access="));
    expect(attributes).toMatch(/HttpOnly/);
    expect(attributes).toMatch(/Secure/);
    expect(attributes).toMatch(/SameSite=Lax/);

    const sessions = await settle(() =>
      createTestClient({ cookie: `ht_access=${cookies.get("ht_access")}` }).auth.listSessions.query(),
    );
    expect(sessions.status).toBe(200);
    expect(sessions.data).toEqual([expect.objectContaining({ current: true })]);

    const user = await userIdByEmail(email);
    expect(user?.email_verified_at).not.toBeNull();
    expect(await oauthCredentials(user!.id)).toEqual([{ provider, provider_account_id: expect.any(String) }]);
  });

  it("signs a returning identity in to the same account, even after the provider email changed", async () => {
    const email = uniqueEmail(`returning-${provider}`);
    const sub = String(Date.now());
    await providerUser({ sub, email, email_verified: true });
    expect((await signInWith(provider, email)).status).toBe(302);
    const user = await userIdByEmail(email);

    const renamed = uniqueEmail(`renamed-${provider}`);
    await providerUser({ sub, email: renamed, email_verified: true });
    const again = await signInWith(provider, renamed);
    expect(setCookieValues(again).get("ht_access")).toBeTruthy();
    expect(await userIdByEmail(renamed)).toBeUndefined();
    expect(await oauthCredentials(user!.id)).toHaveLength(1);
  });

  it("defaults to / without redirectTo", async () => {
    const email = uniqueEmail(`home-${provider}`);
    const response = await signInWith(provider, email);
    expect(response.headers.get("location")).toBe(`${env.APP_URL}/`);
  });
});
