import { env } from "cloudflare:workers";
import { Redis } from "@upstash/redis/cloudflare";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "./auth-helpers.ts";
import {
  authorizeAtProvider,
  loginError,
  openCallback,
  providerUser,
  setCookieValues,
  signInWith,
  startSignIn,
} from "./oauth-harness.ts";

describe("callback state", () => {
  it("refuses a replayed callback: the state works once", async () => {
    const email = uniqueEmail("replay");
    const { location, binding } = await startSignIn("google");
    const callback = await authorizeAtProvider(location, email);
    expect(setCookieValues(await openCallback(callback, binding)).get("ht_access")).toBeTruthy();

    const replay = await openCallback(callback, binding);
    expect(loginError(replay)).toBe("oauth_state_invalid");
    expect(setCookieValues(replay).has("ht_access")).toBe(false);
  });

  it("refuses a callback whose state was never issued", async () => {
    const { location, binding } = await startSignIn("github");
    const callback = await authorizeAtProvider(location, uniqueEmail("forged"));
    callback.searchParams.set("state", "forged-state-value-0123456789abcdef");
    expect(loginError(await openCallback(callback, binding))).toBe("oauth_state_invalid");
  });

  it("refuses a callback without state", async () => {
    const { location, binding } = await startSignIn("google");
    const callback = await authorizeAtProvider(location, uniqueEmail("nostate"));
    callback.searchParams.delete("state");
    expect(loginError(await openCallback(callback, binding))).toBe("oauth_state_invalid");
  });

  it("refuses a callback opened in another browser (login CSRF)", async () => {
    const { location } = await startSignIn("google");
    const callback = await authorizeAtProvider(location, uniqueEmail("csrf"));
    expect(loginError(await openCallback(callback, null))).toBe("oauth_state_invalid");
  });

  it("refuses a state started for the other provider", async () => {
    const { location, binding } = await startSignIn("google");
    const callback = await authorizeAtProvider(location, uniqueEmail("crossed"));
    const crossed = new URL(callback);
    crossed.pathname = "/auth/oauth/github/callback";
    expect(loginError(await openCallback(crossed, binding))).toBe("oauth_state_invalid");
  });

  it("fails the exchange when the kept PKCE verifier is missing", async () => {
    const { location, binding } = await startSignIn("google");
    const callback = await authorizeAtProvider(location, uniqueEmail("noverifier"));
    const redis = new Redis({
      url: env.UPSTASH_REDIS_REST_URL ?? "",
      token: env.UPSTASH_REDIS_REST_TOKEN ?? "",
    });
    const key = `auth:oauth-state:${binding}`;
    const kept = (await redis.get<Record<string, unknown>>(key)) ?? {};
    await redis.set(key, JSON.stringify({ ...kept, codeVerifier: undefined }), { ex: 60 });
    expect(loginError(await openCallback(callback, binding))).toBe("oauth_state_invalid");
  });

  it("fails the exchange when the verifier does not match the challenge (PKCE enforced end to end)", async () => {
    const { location, binding } = await startSignIn("github");
    const callback = await authorizeAtProvider(location, uniqueEmail("wrongverifier"));
    const redis = new Redis({
      url: env.UPSTASH_REDIS_REST_URL ?? "",
      token: env.UPSTASH_REDIS_REST_TOKEN ?? "",
    });
    const key = `auth:oauth-state:${binding}`;
    const kept = (await redis.get<Record<string, unknown>>(key)) ?? {};
    await redis.set(key, JSON.stringify({ ...kept, codeVerifier: "x".repeat(64) }), { ex: 60 });
    const response = await openCallback(callback, binding);
    expect(loginError(response)).toBe("oauth_failed");
    expect(setCookieValues(response).has("ht_access")).toBe(false);
  });

  it("reports a cancelled sign-in at the provider as denied", async () => {
    const { location, binding } = await startSignIn("google");
    const callback = new URL(`${env.APP_URL}/auth/oauth/google/callback`);
    callback.searchParams.set("error", "access_denied");
    callback.searchParams.set("state", location.searchParams.get("state") ?? "");
    expect(loginError(await openCallback(callback, binding))).toBe("oauth_denied");
  });

  it("fails cleanly when the client secret is wrong", async () => {
    const email = uniqueEmail("badsecret");
    const { location, binding } = await startSignIn("google");
    const callback = await authorizeAtProvider(location, email);
    const { call } = await import("./harness.ts");
    const response = await call(
      `${callback.pathname}${callback.search}`,
      { headers: { cookie: `ht_oauth_state=${binding}` } },
      { OAUTH_GOOGLE_CLIENT_SECRET: "not-the-secret" },
    );
    expect(loginError(response)).toBe("oauth_failed");
  });
});

describe("redirectTo", () => {
  it.each(["https://evil.test/steal", "//evil.test/steal", "/\\evil.test", "javascript:alert(1)"])(
    "refuses %s and lands on the app's home instead",
    async (redirectTo) => {
      const email = uniqueEmail("redirect");
      await providerUser({ email, email_verified: true });
      const response = await signInWith("google", email, redirectTo);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`${env.APP_URL}/`);
    },
  );
});

describe("start rate limit", () => {
  it("answers 429 with Retry-After once one address starts too many sign-ins", async () => {
    const { call } = await import("./harness.ts");
    const headers = { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}, 10.0.0.1` };
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await call("/auth/oauth/github/start", { headers })).status);
    expect(statuses.every((status) => status === 302)).toBe(true);
    const refused = await call("/auth/oauth/github/start", { headers });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("unknown provider", () => {
  it("sends start and callback for an unconfigured provider to the login page", async () => {
    const { call } = await import("./harness.ts");
    expect(loginError(await call("/auth/oauth/facebook/start"))).toBe("oauth_provider_unknown");
    const response = await call("/auth/oauth/github/start", {}, { OAUTH_GITHUB_CLIENT_ID: "" });
    expect(loginError(response)).toBe("oauth_provider_unknown");
  });
});
