import { env } from "cloudflare:workers";
import { parseEdgeEnv } from "@hometrip/config";
import { assert, describe, expect, it } from "vitest";
import { cookieValue, password, setCookies, type Tokens } from "./auth-helpers.ts";
import { bearer, createTestClient, settle } from "./harness.ts";
import {
  callProcedure,
  decodeSegment,
  encodeSegment,
  procedures,
  type SignedUpMember,
  signJwt,
  verifiedMember,
} from "./security-support.ts";

/**
 * Forged and stale credentials against every procedure that needs a signed-in caller, key
 * rotation through JWT_SIGNING_KEYS, and refresh-token families. Tokens are built by hand so each
 * header and claim is what the test says.
 */
const [currentKey] = parseEdgeEnv(env as unknown as Record<string, unknown>).JWT_SIGNING_KEYS;
if (!currentKey) throw new Error("the test bindings name no signing key");
const now = () => Math.floor(Date.now() / 1000);
const header = { alg: "HS256", typ: "JWT", kid: currentKey.kid };

function claimsOf(member: SignedUpMember) {
  return decodeSegment(member.tokens.accessToken.split(".")[1]!);
}

async function forgeries(member: SignedUpMember, victimId: string): Promise<[string, string][]> {
  const claims = claimsOf(member);
  const [h, p, s] = member.tokens.accessToken.split(".") as [string, string, string];
  const fresh = { ...claims, iat: now(), exp: now() + 600 };
  const sign = (payload: Record<string, unknown>, head: Record<string, unknown> = header) =>
    signJwt(head, payload, currentKey!.secret);
  const flipped = `${s.slice(0, -2)}${s.endsWith("AA") ? "BB" : "AA"}`;
  const withoutSid = Object.fromEntries(Object.entries(fresh).filter(([name]) => name !== "sid"));
  return [
    ["payload swapped to another member", `${h}.${encodeSegment({ ...claims, sub: victimId })}.${s}`],
    ["payload upgraded to admin", `${h}.${encodeSegment({ ...claims, role: "admin", host: true })}.${s}`],
    ["signature altered", `${h}.${p}.${flipped}`],
    ["signature removed", `${h}.${p}.`],
    ["expired a second ago", await sign({ ...claims, iat: now() - 901, exp: now() - 1 })],
    ["expired an hour ago", await sign({ ...claims, iat: now() - 4000, exp: now() - 3600 })],
    ["no expiry", await sign({ ...claims, exp: undefined })],
    ["wrong key, right kid", await signJwt(header, fresh, "someone-elses-secret-0123456789abcdef")],
    ["unknown kid, right secret", await sign(fresh, { ...header, kid: "retired-key" })],
    ["no kid", await sign(fresh, { alg: "HS256", typ: "JWT" })],
    ["alg none, no signature", `${encodeSegment({ ...header, alg: "none" })}.${p}.`],
    ["alg none, old signature", `${encodeSegment({ ...header, alg: "none" })}.${p}.${s}`],
    ["alg NONE", `${encodeSegment({ ...header, alg: "NONE" })}.${p}.`],
    [
      "alg HS512, same secret",
      await signJwt({ ...header, alg: "HS512" }, fresh, currentKey!.secret, "SHA-512"),
    ],
    ["alg RS256 header on an HMAC", `${encodeSegment({ ...header, alg: "RS256" })}.${p}.${s}`],
    ["another audience", await sign({ ...fresh, aud: "hometrip:2fa" })],
    ["another issuer", await sign({ ...fresh, iss: "someone-else" })],
    ["another typ", await sign(fresh, { ...header, typ: "ht-2fa+jwt" })],
    ["no session id", await sign(withoutSid)],
    ["a session id that is not a uuid", await sign({ ...fresh, sid: "not-a-uuid" })],
    ["a role that does not exist", await sign({ ...fresh, role: "superuser" })],
    ["the refresh token", member.tokens.refreshToken],
    ["two tokens glued", `${member.tokens.accessToken}.${member.tokens.accessToken}`],
    ["empty segments", ".."],
  ];
}

const needsSignIn = procedures.filter((p) => p.access !== "public" && p.access !== "operator");

const api = createTestClient();

describe("forged and stale access tokens", () => {
  it(`are refused with 401 by every procedure needing a sign-in (${needsSignIn.length}), as bearer and as cookie`, async () => {
    const member = await verifiedMember("tok-forge");
    const victim = await verifiedMember("tok-victim");
    const forged = await forgeries(member, victim.userId);
    for (const procedure of needsSignIn) {
      for (const [label, token] of forged) {
        for (const headers of [bearer(token), { cookie: `ht_access=${token}` }]) {
          const result = await callProcedure(procedure, undefined, headers);
          expect(result.status, `${procedure.path}: ${label} (${Object.keys(headers)[0]})`).toBe(401);
        }
      }
    }
    // The genuine token still works, and so does one built by hand like the forgeries but with
    // nothing wrong in it: the refusals were about the defects, not the way the tokens were made.
    expect((await settle(() => createTestClient(member.auth).users.me.query())).status).toBe(200);
    const control = await signJwt(
      header,
      { ...claimsOf(member), iat: now(), exp: now() + 600 },
      currentKey.secret,
    );
    expect((await settle(() => createTestClient(bearer(control)).users.me.query())).status).toBe(200);
  }, 120_000);

  it("a token for a revoked session is refused although its signature and expiry are fine", async () => {
    const member = await verifiedMember("tok-revoked");
    const sid = String(claimsOf(member).sid);
    expect(
      (await settle(() => createTestClient(member.auth).auth.revokeSession.mutate({ sessionId: sid })))
        .status,
    ).toBe(200);
    for (const procedure of needsSignIn) {
      expect((await callProcedure(procedure, undefined, member.auth)).status, procedure.path).toBe(401);
    }
  });

  it("a 2FA challenge token is no access token, and an access token is no challenge", async () => {
    const member = await verifiedMember("tok-challenge");
    const twoFactor = await import("./hardening-support.ts");
    const enrolled = await twoFactor.enrolTotp({
      ...member,
      password,
      accessToken: member.tokens.accessToken,
    });
    const challengeToken = await twoFactor.challengeFor(enrolled);
    expect((await settle(() => createTestClient(bearer(challengeToken)).users.me.query())).status).toBe(401);
    const code = await twoFactor.totpAt(enrolled.secret, 1);
    const asChallenge = await settle(() =>
      api.auth.completeTwoFactor.mutate({
        challengeToken: member.tokens.accessToken,
        code,
        tokenDelivery: "body",
      }),
    );
    expect(asChallenge.status).toBe(401);
    // Nor is an access token a refresh token.
    const asRefresh = await settle(() =>
      api.auth.refresh.mutate({
        refreshToken: member.tokens.accessToken.slice(0, 512),
        tokenDelivery: "body",
      }),
    );
    expect(asRefresh.status).toBe(401);
  });
});

describe("signing-key rotation (JWT_SIGNING_KEYS = kid:secret,...)", () => {
  const newKey = { kid: "rotated-2", secret: "the-next-signing-secret-0123456789abcdef" };
  const rotating = `${newKey.kid}:${newKey.secret},${currentKey.kid}:${currentKey.secret}`;
  const rotatedOut = `${newKey.kid}:${newKey.secret}`;

  const meWith = async (token: string, keys: string) =>
    (await settle(() => createTestClient(bearer(token), { JWT_SIGNING_KEYS: keys }).users.me.query())).status;

  async function logInWith(email: string, keys: string): Promise<Tokens> {
    const result = await settle(() =>
      createTestClient({}, { JWT_SIGNING_KEYS: keys }).auth.logIn.mutate({
        email,
        password,
        tokenDelivery: "body",
      }),
    );
    expect(result.status).toBe(200);
    assert(result.data.status === "signed_in" && result.data.tokens);
    return result.data.tokens;
  }

  it("signs with the first key, still accepts a listed older key, and refuses a key once it is dropped", async () => {
    const member = await verifiedMember("tok-rotate");
    const old = member.tokens.accessToken;
    expect(decodeSegment(old.split(".")[0]!).kid).toBe(currentKey.kid);

    // Mid-rotation: new tokens carry the new kid; tokens under the older, still-listed key work.
    const rotated = await logInWith(member.email, rotating);
    expect(decodeSegment(rotated.accessToken.split(".")[0]!).kid).toBe(newKey.kid);
    expect(await meWith(old, rotating)).toBe(200);
    expect(await meWith(rotated.accessToken, rotating)).toBe(200);

    // The old key dropped: its tokens stop working at once; the new key's keep working.
    expect(await meWith(old, rotatedOut)).toBe(401);
    expect(await meWith(rotated.accessToken, rotatedOut)).toBe(200);

    // The old kid with the new secret (or the other way round) is a forgery, not a rotation.
    const claims = decodeSegment(old.split(".")[1]!);
    const mixed = await signJwt({ ...header, kid: currentKey.kid }, claims, newKey.secret);
    expect(await meWith(mixed, rotating)).toBe(401);
  });

  it("a refresh after the rotation hands out a token under the new key", async () => {
    const member = await verifiedMember("tok-rotate-refresh");
    const result = await settle(() =>
      createTestClient({}, { JWT_SIGNING_KEYS: rotatedOut }).auth.refresh.mutate({
        refreshToken: member.tokens.refreshToken,
        tokenDelivery: "body",
      }),
    );
    expect(result.status).toBe(200);
    assert(result.data.tokens);
    const { accessToken } = result.data.tokens;
    expect(decodeSegment(accessToken.split(".")[0]!).kid).toBe(newKey.kid);
    expect(await meWith(accessToken, rotatedOut)).toBe(200);
  });
});

describe("refresh-token families", () => {
  const refresh = (refreshToken: string) =>
    settle(() => api.auth.refresh.mutate({ refreshToken, tokenDelivery: "body" }));

  it("replaying a token two rotations old revokes the family: the newest refresh and access tokens die", async () => {
    const member = await verifiedMember("fam-replay");
    const other = await verifiedSessionOf(member.email); // a second device: another family
    const first = (await refresh(member.tokens.refreshToken)).data.tokens;
    assert(first);
    const second = (await refresh(first.refreshToken)).data.tokens;
    assert(second);
    expect((await settle(() => createTestClient(bearer(second.accessToken)).users.me.query())).status).toBe(
      200,
    );

    expect((await refresh(member.tokens.refreshToken)).status).toBe(401);

    expect((await settle(() => createTestClient(bearer(second.accessToken)).users.me.query())).status).toBe(
      401,
    );
    expect((await settle(() => createTestClient(bearer(first.accessToken)).users.me.query())).status).toBe(
      401,
    );
    expect((await refresh(second.refreshToken)).status).toBe(401);
    // The other device's family is untouched.
    expect((await settle(() => createTestClient(bearer(other.accessToken)).users.me.query())).status).toBe(
      200,
    );
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it("a replayed cookie revokes the family the same way, and the answer clears the cookies", async () => {
    const member = await verifiedMember("fam-cookie");
    const rotated = await settle(() =>
      createTestClient({
        cookie: `ht_refresh=${member.tokens.refreshToken}`,
      }).auth.refresh.mutate(),
    );
    expect(rotated.status).toBe(200);
    const newRefresh = cookieValue(setCookies(rotated.headers).ht_refresh);
    expect(newRefresh).toBeTruthy();

    const replay = await settle(() =>
      createTestClient({
        cookie: `ht_refresh=${member.tokens.refreshToken}`,
      }).auth.refresh.mutate(),
    );
    expect(replay.status).toBe(401);
    expect(setCookies(replay.headers).ht_refresh).toMatch(/^ht_refresh=; Max-Age=0/);
    expect(
      (await settle(() => createTestClient({ cookie: `ht_refresh=${newRefresh}` }).auth.refresh.mutate()))
        .status,
    ).toBe(401);
    expect((await settle(() => createTestClient(member.auth).users.me.query())).status).toBe(401);
  });

  it("a refresh token is refused after log-out, and a made-up one never works", async () => {
    const member = await verifiedMember("fam-logout");
    expect((await settle(() => createTestClient(member.auth).auth.logOut.mutate())).status).toBe(200);
    expect((await refresh(member.tokens.refreshToken)).status).toBe(401);
    expect((await refresh(`${member.tokens.refreshToken.slice(0, -1)}A`)).status).toBe(401);
    expect((await refresh("a".repeat(43))).status).toBe(401);
  });
});

async function verifiedSessionOf(email: string): Promise<Tokens> {
  const result = await settle(() => api.auth.logIn.mutate({ email, password, tokenDelivery: "body" }));
  expect(result.status).toBe(200);
  assert(result.data.status === "signed_in" && result.data.tokens);
  return result.data.tokens;
}
