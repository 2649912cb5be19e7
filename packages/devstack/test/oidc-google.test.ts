import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OidcProvider } from "../src/oidc/index.ts";
import {
  authorizeAt,
  basic,
  form,
  GOOGLE,
  pkce,
  REDIRECT_URI,
  redirectParams,
  startTestProvider,
} from "./oidc-fixture.ts";

let provider: OidcProvider;
beforeAll(async () => {
  provider = await startTestProvider();
});
afterAll(() => provider.close());

async function discovery() {
  const response = await fetch(`${provider.googleIssuer}/.well-known/openid-configuration`);
  return (await response.json()) as Record<string, string>;
}

/** Runs the authorization step for `email` and returns the code plus what the client must keep. */
async function signIn(email: string, extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const state = crypto.randomUUID();
  const nonce = crypto.randomUUID();
  const response = await authorizeAt((await discovery()).authorization_endpoint!, {
    response_type: "code",
    client_id: GOOGLE.clientId,
    redirect_uri: REDIRECT_URI,
    scope: "openid email profile",
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: "S256",
    login_hint: email,
    ...extra,
  });
  const params = redirectParams(response);
  return { code: params.get("code") ?? "", returnedState: params.get("state"), state, nonce, verifier };
}

async function exchange(
  body: Record<string, string>,
  headers: Record<string, string> = basic(GOOGLE.clientId, GOOGLE.clientSecret),
) {
  const response = await fetch(
    (await discovery()).token_endpoint!,
    form({ grant_type: "authorization_code", redirect_uri: REDIRECT_URI, ...body }, headers),
  );
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe("google-style OpenID Connect stand-in", () => {
  it("publishes discovery metadata naming itself as issuer", async () => {
    const meta = await discovery();
    expect(meta.issuer).toBe(provider.googleIssuer);
    expect(meta.jwks_uri).toBe(`${provider.googleIssuer}/jwks`);
    expect(meta.code_challenge_methods_supported).toEqual(["S256"]);
  });

  it("issues an RS256 ID token that verifies against its JWKS, with nonce and email claims", async () => {
    const email = `ada-${crypto.randomUUID()}@example.com`;
    provider.setUser({ sub: "1100220033", email, email_verified: true, name: "Ada" });
    const { code, returnedState, state, nonce, verifier } = await signIn(email);
    expect(returnedState).toBe(state);

    const { status, body } = await exchange({ code, code_verifier: verifier });
    expect(status).toBe(200);
    const jwks = createRemoteJWKSet(new URL((await discovery()).jwks_uri!));
    const { payload, protectedHeader } = await jwtVerify(body.id_token!, jwks, {
      issuer: provider.googleIssuer,
      audience: GOOGLE.clientId,
      algorithms: ["RS256"],
    });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload).toMatchObject({ sub: "1100220033", email, email_verified: true, name: "Ada", nonce });

    const userinfo = await fetch(`${provider.googleIssuer}/userinfo`, {
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(await userinfo.json()).toMatchObject({ sub: "1100220033", email, email_verified: true });
  });

  it("reports an unverified email as such", async () => {
    const email = `unverified-${crypto.randomUUID()}@example.com`;
    provider.setUser({ sub: "5550001", email, email_verified: false });
    const { code, verifier } = await signIn(email);
    const { body } = await exchange({ code, code_verifier: verifier });
    expect(decodeJwt(body.id_token!).email_verified).toBe(false);
  });

  it("refuses an authorization request without PKCE, back at the client with the state", async () => {
    const response = await authorizeAt(`${provider.googleIssuer}/authorize`, {
      response_type: "code",
      client_id: GOOGLE.clientId,
      redirect_uri: REDIRECT_URI,
      scope: "openid email",
      state: "s-1",
      login_hint: "x@example.com",
    });
    const params = redirectParams(response);
    expect(params.get("error")).toBe("invalid_request");
    expect(params.get("state")).toBe("s-1");
    expect(params.has("code")).toBe(false);
  });

  it("refuses a plain code challenge method", async () => {
    const response = await authorizeAt(`${provider.googleIssuer}/authorize`, {
      response_type: "code",
      client_id: GOOGLE.clientId,
      redirect_uri: REDIRECT_URI,
      scope: "openid",
      code_challenge: pkce().verifier,
      code_challenge_method: "plain",
      login_hint: "x@example.com",
    });
    expect(redirectParams(response).get("error")).toBe("invalid_request");
  });

  it("rejects a token request with the wrong verifier, and the code is then spent", async () => {
    const { code, verifier } = await signIn(`pkce-${crypto.randomUUID()}@example.com`);
    const wrong = await exchange({ code, code_verifier: pkce().verifier });
    expect(wrong).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const retry = await exchange({ code, code_verifier: verifier });
    expect(retry).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("rejects a token request without a verifier", async () => {
    const { code } = await signIn(`noverifier-${crypto.randomUUID()}@example.com`);
    expect(await exchange({ code })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("rejects a wrong client secret with 401 invalid_client, in either authentication method", async () => {
    const first = await signIn(`secret-${crypto.randomUUID()}@example.com`);
    const viaBasic = await exchange(
      { code: first.code, code_verifier: first.verifier },
      basic(GOOGLE.clientId, "nope"),
    );
    expect(viaBasic).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    const second = await signIn(`secret-${crypto.randomUUID()}@example.com`);
    const viaPost = await exchange(
      {
        code: second.code,
        code_verifier: second.verifier,
        client_id: GOOGLE.clientId,
        client_secret: "nope",
      },
      {},
    );
    expect(viaPost).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });

  it("accepts client_secret_post with the right secret", async () => {
    const { code, verifier } = await signIn(`post-${crypto.randomUUID()}@example.com`);
    const ok = await exchange(
      {
        code,
        code_verifier: verifier,
        client_id: GOOGLE.clientId,
        client_secret: GOOGLE.clientSecret,
      },
      {},
    );
    expect(ok.status).toBe(200);
  });

  it("rejects a token request whose redirect_uri differs from the authorization request", async () => {
    const { code, verifier } = await signIn(`redirect-${crypto.randomUUID()}@example.com`);
    const mismatch = await exchange({
      code,
      code_verifier: verifier,
      redirect_uri: "http://app.test/elsewhere",
    });
    expect(mismatch).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("shows an error page, never a redirect, for an unregistered redirect_uri or unknown client", async () => {
    const base = {
      response_type: "code",
      scope: "openid",
      code_challenge: pkce().challenge,
      code_challenge_method: "S256",
    };
    const badRedirect = await authorizeAt(`${provider.googleIssuer}/authorize`, {
      ...base,
      client_id: GOOGLE.clientId,
      redirect_uri: "https://evil.test/callback",
    });
    expect(badRedirect.status).toBe(400);
    expect(badRedirect.headers.get("location")).toBeNull();
    const badClient = await authorizeAt(`${provider.googleIssuer}/authorize`, {
      ...base,
      client_id: "someone-else",
      redirect_uri: REDIRECT_URI,
    });
    expect(badClient.status).toBe(400);
  });

  it("shows a sign-in form when no login_hint is given, and signs in from it", async () => {
    const { challenge } = pkce();
    const params = {
      response_type: "code",
      client_id: GOOGLE.clientId,
      redirect_uri: REDIRECT_URI,
      scope: "openid",
      state: "form-state",
      code_challenge: challenge,
      code_challenge_method: "S256",
    };
    const page = await authorizeAt(`${provider.googleIssuer}/authorize`, params);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="email"');
    const submitted = await fetch(`${provider.googleIssuer}/authorize`, {
      ...form({ ...params, email: "form-user@example.com" }),
      redirect: "manual",
    });
    const back = redirectParams(submitted);
    expect(back.get("code")).toBeTruthy();
    expect(back.get("state")).toBe("form-state");
  });

  it("lets a test choose the returned user over HTTP", async () => {
    const email = `admin-${crypto.randomUUID()}@example.com`;
    const set = await fetch(`${provider.url}/__test/users`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sub: "77007", email, email_verified: false, name: "Set Over HTTP" }),
    });
    expect(set.status).toBe(200);
    const { code, verifier } = await signIn(email);
    const { body } = await exchange({ code, code_verifier: verifier });
    expect(decodeJwt(body.id_token!)).toMatchObject({ sub: "77007", email, email_verified: false });
  });

  it("rejects userinfo without a valid access token", async () => {
    const response = await fetch(`${provider.googleIssuer}/userinfo`, {
      headers: { authorization: "Bearer nope" },
    });
    expect(response.status).toBe(401);
  });
});
