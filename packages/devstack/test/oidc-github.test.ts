import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OidcProvider } from "../src/oidc/index.ts";
import {
  authorizeAt,
  form,
  GITHUB,
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

async function signIn(email: string, scope = "read:user user:email") {
  const { verifier, challenge } = pkce();
  const response = await authorizeAt(provider.github.authorizeUrl, {
    client_id: GITHUB.clientId,
    redirect_uri: REDIRECT_URI,
    scope,
    state: "gh-state",
    code_challenge: challenge,
    code_challenge_method: "S256",
    login: email,
  });
  const params = redirectParams(response);
  expect(params.get("state")).toBe("gh-state");
  return { code: params.get("code") ?? "", verifier };
}

async function exchange(body: Record<string, string>, accept = "application/json") {
  const response = await fetch(
    provider.github.tokenUrl,
    form(
      { client_id: GITHUB.clientId, client_secret: GITHUB.clientSecret, redirect_uri: REDIRECT_URI, ...body },
      { accept },
    ),
  );
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

const api = (
  path: string,
  token: string,
  headers: Record<string, string> = { "user-agent": "hometrip-test" },
) => fetch(`${provider.github.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

describe("github-style OAuth stand-in", () => {
  it("exchanges a code for a token and serves /user and /user/emails with verified flags", async () => {
    const email = `octo-${crypto.randomUUID()}@example.com`;
    provider.setUser({
      sub: "424242",
      email,
      email_verified: true,
      name: "Octo Cat",
      login: "octocat",
      emails: [
        { email, verified: true, primary: true },
        { email: "old@example.com", verified: false, primary: false },
      ],
    });
    const { code, verifier } = await signIn(email);
    const token = await exchange({ code, code_verifier: verifier });
    expect(token.status).toBe(200);
    const { access_token, token_type } = JSON.parse(token.text) as Record<string, string>;
    expect(token_type).toBe("bearer");

    const user = await api("/user", access_token!);
    expect(await user.json()).toMatchObject({ id: 424242, login: "octocat", name: "Octo Cat", email: null });
    const emails = await api("/user/emails", access_token!);
    expect(await emails.json()).toEqual([
      { email, verified: true, primary: true, visibility: "private" },
      { email: "old@example.com", verified: false, primary: false, visibility: null },
    ]);
  });

  it("answers form-encoded unless JSON is asked for, as GitHub does", async () => {
    const { code, verifier } = await signIn(`form-${crypto.randomUUID()}@example.com`);
    const token = await exchange({ code, code_verifier: verifier }, "*/*");
    expect(token.type).toContain("application/x-www-form-urlencoded");
    expect(new URLSearchParams(token.text).get("access_token")).toMatch(/^gho_/);
  });

  it("reports a wrong secret, a wrong verifier and a replayed code as 200 with an error, like GitHub", async () => {
    const first = await signIn(`errors-${crypto.randomUUID()}@example.com`);
    const badSecret = await exchange({
      code: first.code,
      code_verifier: first.verifier,
      client_secret: "wrong",
    });
    expect(badSecret.status).toBe(200);
    expect(JSON.parse(badSecret.text)).toMatchObject({ error: "incorrect_client_credentials" });

    const second = await signIn(`errors-${crypto.randomUUID()}@example.com`);
    const badVerifier = await exchange({ code: second.code, code_verifier: pkce().verifier });
    expect(JSON.parse(badVerifier.text)).toMatchObject({ error: "bad_verification_code" });
    const replay = await exchange({ code: second.code, code_verifier: second.verifier });
    expect(JSON.parse(replay.text)).toMatchObject({ error: "bad_verification_code" });
    expect(JSON.parse(replay.text).access_token).toBeUndefined();
  });

  it("requires PKCE at the authorization step", async () => {
    const response = await authorizeAt(provider.github.authorizeUrl, {
      client_id: GITHUB.clientId,
      redirect_uri: REDIRECT_URI,
      state: "x",
      login: "a@example.com",
    });
    expect(redirectParams(response).get("error")).toBe("invalid_request");
  });

  it("refuses API calls without a User-Agent or with a bad token", async () => {
    const { code, verifier } = await signIn(`ua-${crypto.randomUUID()}@example.com`);
    const { access_token } = JSON.parse((await exchange({ code, code_verifier: verifier })).text) as Record<
      string,
      string
    >;
    // Node's fetch sends "node" unless told otherwise; an empty User-Agent is what GitHub refuses.
    const emptyAgent = await api("/user", access_token!, { "user-agent": "" });
    expect(emptyAgent.status).toBe(403);
    expect((await api("/user", "gho_forged")).status).toBe(401);
  });

  it("hides /user/emails from a token without the user:email scope", async () => {
    const { code, verifier } = await signIn(`scope-${crypto.randomUUID()}@example.com`, "read:user");
    const { access_token } = JSON.parse((await exchange({ code, code_verifier: verifier })).text) as Record<
      string,
      string
    >;
    expect((await api("/user/emails", access_token!)).status).toBe(404);
  });
});
