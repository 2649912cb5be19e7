import { env } from "cloudflare:workers";
import { signAccessToken } from "@hometrip/core";
import { assert, describe, expect, it } from "vitest";
import { cookieValue, newMember, setCookies } from "./auth-helpers.ts";
import { bearer, createTestClient, settle, untyped } from "./harness.ts";

const keys = [{ kid: "test-1", secret: "test-jwt-signing-secret-0123456789abcdef" }];
const b64 = (value: unknown) =>
  btoa(JSON.stringify(value)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

async function listWith(token: string) {
  return settle(() => createTestClient(bearer(token)).auth.listSessions.query());
}

const api = createTestClient();

describe("access tokens", () => {
  it("a valid token from logIn is accepted", async () => {
    const { tokens } = await newMember("tok-ok");
    expect((await listWith(tokens.accessToken)).status).toBe(200);
  });

  it("rejects tampered, expired, wrong-key, unknown-kid and alg:none tokens with 401", async () => {
    const { userId, tokens } = await newMember("tok-bad");
    const [header, payload, signature] = tokens.accessToken.split(".") as [string, string, string];
    const claims = JSON.parse(atob(payload.replaceAll("-", "+").replaceAll("_", "/")));
    const sid = claims.sid as string;
    const fresh = { sub: userId, sid, role: "member" as const, host: false };

    const tampered = `${header}.${b64({ ...claims, role: "admin" })}.${signature}`;
    const expired = await signAccessToken(keys, fresh, 60, new Date(Date.now() - 3600_000));
    const wrongKey = await signAccessToken(
      [{ kid: "test-1", secret: "another-secret-of-enough-length-000000" }],
      fresh,
      900,
      new Date(),
    );
    const unknownKid = await signAccessToken(
      [{ kid: "retired", secret: keys[0]!.secret }],
      fresh,
      900,
      new Date(),
    );
    const algNone = `${b64({ alg: "none", typ: "JWT", kid: "test-1" })}.${payload}.`;
    const algNoneSigned = `${b64({ alg: "none", typ: "JWT", kid: "test-1" })}.${payload}.${signature}`;
    const hs512 = `${b64({ alg: "HS512", typ: "JWT", kid: "test-1" })}.${payload}.${signature}`;

    for (const token of [
      tampered,
      expired,
      wrongKey,
      unknownKid,
      algNone,
      algNoneSigned,
      hs512,
      "not.a.jwt",
      "garbage",
    ]) {
      const result = await listWith(token);
      expect(result.status, token).toBe(401);
      expect(result.error?.code).toBe("UNAUTHORIZED");
    }
    // The real token still works: the rejections were about the tokens, not the session.
    expect((await listWith(tokens.accessToken)).status).toBe(200);
  });

  it("refuses an access token whose issuer or audience is someone else's", async () => {
    const { tokens } = await newMember("tok-aud");
    const [header, payload] = tokens.accessToken.split(".") as [string, string];
    const claims = JSON.parse(atob(payload.replaceAll("-", "+").replaceAll("_", "/")));
    const key = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(keys[0]!.secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    for (const change of [{ aud: "someone-else" }, { iss: "someone-else" }]) {
      const body = `${header}.${b64({ ...claims, ...change })}`;
      const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body)));
      const sig = btoa(String.fromCharCode(...mac))
        .replaceAll("+", "-")
        .replaceAll("/", "_")
        .replace(/=+$/, "");
      expect((await listWith(`${body}.${sig}`)).status).toBe(401);
    }
  });
});

describe("revocation list outage", () => {
  it("answers 503 rather than let a possibly revoked token through when Redis is down", async () => {
    const { tokens } = await newMember("redis-down");
    const response = await settle(() =>
      createTestClient(bearer(tokens.accessToken), {
        UPSTASH_REDIS_REST_URL: env.TEST_UNREACHABLE_URL,
      }).auth.listSessions.query(),
    );
    expect(response.status).toBe(503);
  });
});

describe("auth.refresh", () => {
  it("rotates: the new pair works, and the old refresh token is spent", async () => {
    const { tokens } = await newMember("rot");
    const rotated = await settle(() =>
      api.auth.refresh.mutate({
        refreshToken: tokens.refreshToken,
        tokenDelivery: "body",
      }),
    );
    expect(rotated.status).toBe(200);
    assert(rotated.data.tokens);
    expect(rotated.data.tokens.refreshToken).not.toBe(tokens.refreshToken);
    expect((await listWith(rotated.data.tokens.accessToken)).status).toBe(200);
  });

  it("a reused refresh token revokes the whole family: the newer tokens stop working too", async () => {
    const { tokens } = await newMember("reuse");
    const first = await settle(() =>
      api.auth.refresh.mutate({
        refreshToken: tokens.refreshToken,
        tokenDelivery: "body",
      }),
    );
    const newer = first.data.tokens;
    assert(newer);
    expect((await listWith(newer.accessToken)).status).toBe(200);

    // The thief (or the victim) presents the old token again.
    const replay = await settle(() =>
      api.auth.refresh.mutate({ refreshToken: tokens.refreshToken, tokenDelivery: "body" }),
    );
    expect(replay.status).toBe(401);

    expect(
      (
        await settle(() =>
          api.auth.refresh.mutate({ refreshToken: newer.refreshToken, tokenDelivery: "body" }),
        )
      ).status,
    ).toBe(401);
    expect((await listWith(newer.accessToken)).status).toBe(401);
  });

  it("refreshes from the ht_refresh cookie and sets new httpOnly cookies", async () => {
    const { tokens } = await newMember("cookie-refresh");
    const result = await settle(() =>
      createTestClient({
        cookie: `ht_refresh=${tokens.refreshToken}`,
      }).auth.refresh.mutate(),
    );
    expect(result.status).toBe(200);
    expect(result.data.tokens).toBeUndefined();
    const cookies = setCookies(result.headers);
    expect(cookies.ht_access).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
    expect(cookies.ht_refresh).toMatch(/Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(cookieValue(cookies.ht_refresh)).not.toBe(tokens.refreshToken);
  });

  it("answers 401 and clears the cookies for an unknown token, 400 for a malformed body", async () => {
    const unknown = await settle(() =>
      createTestClient({
        cookie: "ht_refresh=not-a-real-token-000000000000",
      }).auth.refresh.mutate(),
    );
    expect(unknown.status).toBe(401);
    expect(setCookies(unknown.headers).ht_refresh).toMatch(/^ht_refresh=; Max-Age=0/);
    expect((await settle(() => api.auth.refresh.mutate())).status).toBe(401);
    expect((await settle(() => api.auth.refresh.mutate({ refreshToken: untyped(42) }))).status).toBe(400);
    expect(
      (await settle(() => api.auth.refresh.mutate({ tokenDelivery: untyped("carrier-pigeon") }))).status,
    ).toBe(400);
  });
});

describe("auth.logOut", () => {
  it("makes the access token fail at once and the refresh token useless", async () => {
    const { tokens } = await newMember("logout");
    const result = await settle(() => createTestClient(bearer(tokens.accessToken)).auth.logOut.mutate());
    expect(result.status).toBe(200);
    expect(setCookies(result.headers).ht_access).toMatch(/^ht_access=; Max-Age=0/);
    expect((await listWith(tokens.accessToken)).status).toBe(401);
    expect((await settle(() => api.auth.refresh.mutate({ refreshToken: tokens.refreshToken }))).status).toBe(
      401,
    );
  });

  it("works with only the refresh cookie (the access token already expired)", async () => {
    const { tokens } = await newMember("logout-cookie");
    const result = await settle(() =>
      createTestClient({ cookie: `ht_refresh=${tokens.refreshToken}` }).auth.logOut.mutate(),
    );
    expect(result.status).toBe(200);
    expect((await listWith(tokens.accessToken)).status).toBe(401);
  });

  it("is ok for an anonymous caller", async () => {
    expect((await settle(() => api.auth.logOut.mutate())).status).toBe(200);
  });
});

describe("auth.logOutEverywhere", () => {
  it("ends every session of the account", async () => {
    const member = await newMember("everywhere");
    const { logIn } = await import("./auth-helpers.ts");
    const second = await logIn(member.email);
    const result = await settle(() =>
      createTestClient(bearer(second.accessToken)).auth.logOutEverywhere.mutate(),
    );
    expect(result.status).toBe(200);
    expect(result.data.endedSessions).toBe(2);
    expect((await listWith(member.tokens.accessToken)).status).toBe(401);
    expect((await listWith(second.accessToken)).status).toBe(401);
    expect(
      (await settle(() => api.auth.refresh.mutate({ refreshToken: member.tokens.refreshToken }))).status,
    ).toBe(401);
  });

  it("needs a session", async () => {
    expect((await settle(() => api.auth.logOutEverywhere.mutate())).status).toBe(401);
  });
});

describe("cookie sign-in", () => {
  it("sets httpOnly Secure SameSite=Lax cookies, returns no tokens, and the cookie authenticates", async () => {
    const { email } = await newMember("cookies");
    const { password } = await import("./auth-helpers.ts");
    const result = await settle(() =>
      api.auth.logIn.mutate({
        email,
        password,
      }),
    );
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ status: "signed_in", user: { email } });
    assert(result.data.status === "signed_in");
    expect(result.data.tokens).toBeUndefined();
    const cookies = setCookies(result.headers);
    expect(cookies.ht_access).toMatch(
      new RegExp(
        `^ht_access=[^;]+; Max-Age=${env.ACCESS_TOKEN_TTL_SECONDS ?? 900}; Path=/; HttpOnly; Secure; SameSite=Lax$`,
      ),
    );
    expect(cookies.ht_refresh).toMatch(
      /^ht_refresh=[^;]+; Max-Age=2592000; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    const access = cookieValue(cookies.ht_access)!;
    expect(
      (
        await settle(() =>
          createTestClient({ cookie: `theme=dark; ht_access=${access}` }).auth.listSessions.query(),
        )
      ).status,
    ).toBe(200);
  });
});
