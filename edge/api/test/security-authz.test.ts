import { env } from "cloudflare:workers";
import { parseEdgeEnv } from "@hometrip/config";
import { apiKeyScopes, signAccessToken } from "@hometrip/core";
import { beforeAll, describe, expect, it } from "vitest";
import { createServices } from "../src/services/index.ts";
import { createLogger } from "../src/services/logger.ts";
import { adminProcedure, createCallerFactory, hostProcedure, router } from "../src/trpc.ts";
import { bearer, mutate, password, query, sql } from "./auth-helpers.ts";
import { enrolTotp, totpAt } from "./hardening-support.ts";
import {
  callProcedure,
  decodeSegment,
  procedures,
  type SignedUpMember,
  verifiedMember,
} from "./security-support.ts";

/**
 * Who may call what, walked over the real router: every procedure that is not public needs a
 * credential, session-only procedures refuse API keys, scoped ones need the scope. Then two real
 * members, A and B, and every account procedure A could aim at B.
 */

// A procedure is public only on purpose: adding one means adding it here, after a look at what it reveals.
const intendedPublic = [
  "auth.completeTwoFactor", // the challenge token from logIn is the credential
  "auth.logIn",
  "auth.logOut", // clears cookies; revokes only the caller's own session or the presented refresh token
  "auth.oauthProviders",
  "auth.refresh", // the refresh token is the credential
  "auth.requestEmailVerification", // always "ok": reveals nothing
  "auth.requestPasswordReset", // always "ok": reveals nothing
  "auth.resetPassword", // the mailed token is the credential
  "auth.signUp",
  "auth.verifyEmail", // the mailed token is the credential
  "devMailbox.get", // development and test only; "not found" elsewhere
  "devMailbox.list",
  "search.listings",
  "system.health",
  "system.version",
  "users.publicProfile",
];

const nonPublic = procedures.filter((p) => p.access !== "public");

describe("the public surface", () => {
  it("is exactly the intended list of procedures", () => {
    expect(procedures.filter((p) => p.access === "public").map((p) => p.path)).toEqual(
      [...intendedPublic].sort(),
    );
  });
});

describe("without a valid credential", () => {
  const anonymous = [
    ["no credential", {}],
    ["a garbage bearer token", bearer("garbage")],
    ["an empty bearer", { authorization: "Bearer " }],
    ["a Basic header", { authorization: `Basic ${btoa("user:pass")}` }],
    ["a garbage access cookie", { cookie: "ht_access=garbage" }],
    ["a made-up API key", bearer(`htk_${"a".repeat(8)}_${"b".repeat(52)}`)],
  ] as const;

  it.each(nonPublic)("$path ($access) answers 401 to every anonymous caller", async (procedure) => {
    for (const [label, headers] of anonymous) {
      const result = await callProcedure(procedure, undefined, headers);
      expect(result.status, `${procedure.path} with ${label}`).toBe(401);
      expect(result.body.error?.data.code).toBe("UNAUTHORIZED");
    }
  });
});

describe("partner API keys", () => {
  let owner: SignedUpMember;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    owner = await verifiedMember("authz-keys");
    const scopeSets: Record<string, string[]> = {
      all: [...apiKeyScopes],
      ...Object.fromEntries(apiKeyScopes.map((s) => [`without ${s}`, apiKeyScopes.filter((o) => o !== s)])),
    };
    for (const [name, scopes] of Object.entries(scopeSets)) {
      if (scopes.length === 0) continue;
      const created = await mutate<{ key: string }>("apiKeys.create", { name, scopes }, owner.auth);
      expect(created.status).toBe(200);
      keys[name] = created.data.key;
    }
  });

  it.each(nonPublic.filter((p) => p.access !== "operator" && !p.scope))(
    "$path ($access, no scope) answers 403 even to a key holding every scope",
    async (procedure) => {
      const result = await callProcedure(procedure, undefined, bearer(keys.all!));
      expect(result.status, JSON.stringify(result.body)).toBe(403);
      expect(result.body.error?.data.code).toBe("FORBIDDEN");
    },
  );

  it.each(nonPublic.filter((p) => p.scope))(
    "$path opens to a key with its $scope scope, and only to that",
    async (procedure) => {
      // Scoped procedures are profile reads and writes; an empty object is valid input for both.
      const input = procedure.type === "mutation" ? {} : undefined;
      const allowed = await callProcedure(procedure, input, bearer(keys.all!));
      expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
      const without = keys[`without ${procedure.scope}`];
      if (!without) return;
      const refused = await callProcedure(procedure, input, bearer(without));
      expect(refused.status).toBe(403);
    },
  );

  it.each(nonPublic.filter((p) => p.access === "operator"))(
    "$path (operator) refuses a member's session and API key with 401",
    async (procedure) => {
      for (const headers of [owner.auth, bearer(keys.all!)]) {
        expect((await callProcedure(procedure, { note: "x" }, headers)).status).toBe(401);
      }
    },
  );

  it("after all of that, the keys' owner is untouched: same keys, same sessions", async () => {
    const listed = await query<unknown[]>("apiKeys.list", undefined, owner.auth);
    expect(listed.data).toHaveLength(Object.keys(keys).length);
  });
});

describe("a guest on host and admin procedures", () => {
  it("gets 403 from every host- or admin-only procedure of the router (none exist yet)", async () => {
    const guest = await verifiedMember("authz-guest");
    const restricted = procedures.filter((p) => p.access === "host" || p.access === "admin");
    for (const procedure of restricted) {
      const result = await callProcedure(procedure, undefined, guest.auth);
      expect(result.status, procedure.path).toBe(403);
    }
  });
});

/** hostProcedure and adminProcedure themselves, on a probe router, with the real services and database. */
const probe = router({
  hostOnly: hostProcedure.query(() => "ok"),
  adminOnly: adminProcedure.query(() => "ok"),
});

async function callProbe(name: "hostOnly" | "adminOnly", headers: Record<string, string>) {
  const scope = createServices(
    parseEdgeEnv(env as unknown as Record<string, unknown>),
    createLogger({}, { write: () => {} }),
  );
  const tasks: Promise<unknown>[] = [];
  try {
    const caller = createCallerFactory(probe)({
      services: scope.services,
      requestId: "probe",
      headers: new Headers(headers),
      resHeaders: new Headers(),
      ip: null,
      userAgent: null,
      setCookie: () => {},
      clearCookie: () => {},
    });
    return await caller[name]().catch((error: { code?: string }) => error.code ?? "thrown");
  } finally {
    scope.dispose((task) => tasks.push(task));
    await Promise.all(tasks);
  }
}

describe("host and admin procedures (the base procedures, on a probe router)", () => {
  it("a guest is refused both; becoming a host opens host procedures at once, not admin ones", async () => {
    const member = await verifiedMember("authz-roles");
    expect(await callProbe("hostOnly", member.auth)).toBe("FORBIDDEN");
    expect(await callProbe("adminOnly", member.auth)).toBe("FORBIDDEN");
    expect((await mutate("users.becomeHost", undefined, member.auth)).status).toBe(200);
    // Same token (its host claim still false): the database decides.
    expect(await callProbe("hostOnly", member.auth)).toBe("ok");
    expect(await callProbe("adminOnly", member.auth)).toBe("FORBIDDEN");
    expect(await callProbe("hostOnly", {})).toBe("UNAUTHORIZED");
  });

  it("admin rights come from the database: a token claiming admin is not enough, a demotion is immediate", async () => {
    const member = await verifiedMember("authz-admin");
    const config = parseEdgeEnv(env as unknown as Record<string, unknown>);
    const claims = decodeSegment(member.tokens.accessToken.split(".")[1]!);
    const stale = await signAccessToken(
      config.JWT_SIGNING_KEYS,
      { sub: member.userId, sid: String(claims.sid), role: "admin", host: true },
      300,
      new Date(),
    );
    expect(await callProbe("adminOnly", bearer(stale))).toBe("FORBIDDEN");
    expect(await callProbe("hostOnly", bearer(stale))).toBe("ok"); // the host claim is trusted while fresh

    await sql("update users set role = 'admin' where id = $1", [member.userId]);
    expect(await callProbe("adminOnly", member.auth)).toBe("ok");
    await sql("update users set role = 'member' where id = $1", [member.userId]);
    expect(await callProbe("adminOnly", bearer(stale))).toBe("FORBIDDEN");
  });
});

describe("member A against member B", () => {
  let a: SignedUpMember;
  let b: SignedUpMember & { secret: string };
  let bKey: { id: string; key: string };
  const bPhone = "+4930123456";
  const bPassword = "B's own sturdy passphrase";

  beforeAll(async () => {
    a = await verifiedMember("authz-a");
    const signedUp = await verifiedMember("authz-b", bPassword);
    const enrolled = await enrolTotp({
      ...signedUp,
      password: bPassword,
      accessToken: signedUp.tokens.accessToken,
    });
    b = { ...signedUp, secret: enrolled.secret };
    const profile = await mutate("users.updateProfile", { phone: bPhone, bio: "B's bio" }, b.auth);
    expect(profile.status).toBe(200);
    const created = await mutate<{ id: string; key: string }>(
      "apiKeys.create",
      { name: "B's key", scopes: ["profile:read"] },
      b.auth,
    );
    bKey = created.data;
  }, 60_000);

  const sessionIdsOf = async (userId: string) =>
    (await sql("select id from session_families where user_id = $1", [userId])).map((r) => r.id as string);
  const bStillSignedIn = async () => expect((await query("users.me", undefined, b.auth)).status).toBe(200);

  it("auth.listSessions shows A only A's sessions", async () => {
    const listed = await query<{ id: string }[]>("auth.listSessions", undefined, a.auth);
    expect(listed.status).toBe(200);
    const aIds = await sessionIdsOf(a.userId);
    const bIds = await sessionIdsOf(b.userId);
    expect(listed.data.length).toBeGreaterThan(0);
    for (const session of listed.data) {
      expect(aIds).toContain(session.id);
      expect(bIds).not.toContain(session.id);
    }
  });

  it("auth.revokeSession with B's session id is 'not found', and B stays signed in", async () => {
    for (const sessionId of await sessionIdsOf(b.userId)) {
      const result = await mutate("auth.revokeSession", { sessionId }, a.auth);
      expect(result.status).toBe(404);
    }
    await bStillSignedIn();
  });

  it("apiKeys.list never shows B's keys; apiKeys.revoke of B's key is 'not found' and it keeps working", async () => {
    const listed = await query<{ id: string }[]>("apiKeys.list", undefined, a.auth);
    expect(listed.data.map((k) => k.id)).not.toContain(bKey.id);
    expect((await mutate("apiKeys.revoke", { id: bKey.id }, a.auth)).status).toBe(404);
    const me = await query<{ id: string }>("users.me", undefined, bearer(bKey.key));
    expect(me.data.id).toBe(b.userId);
  });

  it("apiKeys.create makes a key that acts as A, never as anyone else", async () => {
    const created = await mutate<{ key: string }>(
      "apiKeys.create",
      { name: "A's", scopes: ["profile:read"], userId: b.userId },
      a.auth,
    );
    const me = await query<{ id: string }>("users.me", undefined, bearer(created.data.key));
    expect(me.data.id).toBe(a.userId);
  });

  it("users.me is A's own account and mentions nothing of B", async () => {
    const me = await query<{ id: string; email: string }>("users.me", { userId: b.userId }, a.auth);
    expect(me.data).toMatchObject({ id: a.userId, email: a.email });
    expect(JSON.stringify(me.body)).not.toContain(b.email);
  });

  it("users.updateProfile cannot be pointed at B: stray ids are ignored and only A changes", async () => {
    const result = await mutate<{ id: string; email: string; displayName: string }>(
      "users.updateProfile",
      { displayName: "Renamed by A", userId: b.userId, id: b.userId, email: b.email },
      a.auth,
    );
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ id: a.userId, email: a.email, displayName: "Renamed by A" });
    const bNow = await query<{ displayName: string; email: string }>("users.me", undefined, b.auth);
    expect(bNow.data).toMatchObject({ displayName: "Member authz-b", email: b.email });
  });

  it("users.publicProfile of B shows the public fields only: no email, phone or security state", async () => {
    for (const headers of [{}, a.auth]) {
      const result = await query<Record<string, unknown>>(
        "users.publicProfile",
        { userId: b.userId },
        headers,
      );
      expect(result.status).toBe(200);
      expect(Object.keys(result.data).sort()).toEqual(
        ["avatarUrl", "bio", "displayName", "isHost", "languages", "memberSince", "userId"].sort(),
      );
      const text = JSON.stringify(result.body);
      expect(text).not.toContain(b.email);
      expect(text).not.toContain(bPhone);
      expect(text).not.toMatch(/twoFactor|emailVerified|role|admin/i);
    }
  });

  it("users.becomeHost makes A a host and leaves B a guest", async () => {
    expect((await mutate("users.becomeHost", undefined, a.auth)).status).toBe(200);
    const bPublic = await query<{ isHost: boolean }>("users.publicProfile", { userId: b.userId });
    expect(bPublic.data.isHost).toBe(false);
  });

  it("auth.twoFactor.status is A's (off) while B's is on", async () => {
    const status = await query<{ enabled: boolean }>("auth.twoFactor.status", { userId: b.userId }, a.auth);
    expect(status.data.enabled).toBe(false);
    const bStatus = await query<{ enabled: boolean }>("auth.twoFactor.status", undefined, b.auth);
    expect(bStatus.data.enabled).toBe(true);
  });

  it("2FA changes with B's password and B's code act on A only: B's 2FA stays on", async () => {
    // A has no second factor, so nothing can be disabled or regenerated for A either.
    for (const path of ["auth.twoFactor.disable", "auth.twoFactor.regenerateRecoveryCodes"]) {
      const input = { password: bPassword, code: await totpAt(b.secret), userId: b.userId };
      const result = await mutate(path, input, a.auth);
      expect(result.status, `${path} ${JSON.stringify(result.body)}`).toBeGreaterThanOrEqual(400);
      expect(result.status).toBeLessThan(500);
    }
    const bStatus = await query<{ enabled: boolean; recoveryCodesRemaining: number }>(
      "auth.twoFactor.status",
      undefined,
      b.auth,
    );
    expect(bStatus.data.enabled).toBe(true);
    expect(bStatus.data.recoveryCodesRemaining).toBeGreaterThan(0);
  });

  it("auth.twoFactor.beginEnrolment and confirmEnrolment by A never touch B's factor", async () => {
    const begun = await mutate<{ secret: string }>("auth.twoFactor.beginEnrolment", undefined, a.auth);
    expect(begun.status).toBe(200);
    expect(begun.data.secret).not.toBe(b.secret);
    // B's code does not confirm A's new secret.
    const confirm = await mutate("auth.twoFactor.confirmEnrolment", { code: await totpAt(b.secret) }, a.auth);
    expect([400, 401]).toContain(confirm.status);
    const [factor] = await sql("select confirmed_at from totp_factors where user_id = $1", [b.userId]);
    expect(factor?.confirmed_at).not.toBeNull();
  });

  it("auth.completeTwoFactor: B's challenge is not completed by a code for another secret", async () => {
    const login = await mutate<{ challengeToken: string }>("auth.logIn", {
      email: b.email,
      password: bPassword,
      tokenDelivery: "body",
    });
    expect(login.status).toBe(200);
    const other = "JBSWY3DPEHPK3PXP"; // someone else's authenticator
    const result = await mutate("auth.completeTwoFactor", {
      challengeToken: login.data.challengeToken,
      code: await totpAt(other),
      tokenDelivery: "body",
    });
    expect(result.status).toBe(401);
  });

  it("auth.changePassword with B's password changes nothing for B", async () => {
    const result = await mutate(
      "auth.changePassword",
      { currentPassword: bPassword, newPassword: "an entirely new passphrase" },
      a.auth,
    );
    expect(result.status).toBe(400);
    expect(result.body.error?.data.issues?.map((issue) => issue.path)).toEqual(["currentPassword"]);
    // B's password is unchanged (the login reaches B's second step) and B's session lives on.
    const login = await mutate<{ status: string }>("auth.logIn", {
      email: b.email,
      password: bPassword,
      tokenDelivery: "body",
    });
    expect(login.data.status).toBe("two_factor_required");
    await bStillSignedIn();
  });

  it("auth.requestEmailVerification signed in as A never mails B", async () => {
    const before = await sql("select count(*)::int as n from outbox where payload->>'userId' = $1", [
      b.userId,
    ]);
    expect((await mutate("auth.requestEmailVerification", { email: b.email }, a.auth)).status).toBe(200);
    const after = await sql("select count(*)::int as n from outbox where payload->>'userId' = $1", [
      b.userId,
    ]);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("auth.logOut by A, even naming B's refresh token, ends only A's session", async () => {
    const aSecond = await verifiedSession(a.email);
    const result = await mutate("auth.logOut", { refreshToken: b.tokens.refreshToken }, bearer(aSecond));
    expect(result.status).toBe(200);
    await bStillSignedIn();
    expect((await query("users.me", undefined, bearer(aSecond))).status).toBe(401);
  });

  it("auth.logOutEverywhere by A ends A's sessions only", async () => {
    const aSecond = await verifiedSession(a.email);
    const result = await mutate<{ endedSessions: number }>(
      "auth.logOutEverywhere",
      undefined,
      bearer(aSecond),
    );
    expect(result.status).toBe(200);
    await bStillSignedIn();
    const live = await sql(
      "select count(*)::int as n from session_families where user_id = $1 and revoked_at is null",
      [b.userId],
    );
    expect(live[0]?.n).toBeGreaterThan(0);
  });

  it("every account procedure was tried above or holds no other member's data", () => {
    // A procedure added to auth, users or apiKeys fails here until someone decides how A could abuse it.
    const tried = new Set([
      "apiKeys.create",
      "apiKeys.list",
      "apiKeys.revoke",
      "auth.changePassword",
      "auth.completeTwoFactor",
      "auth.listSessions",
      "auth.logOut",
      "auth.logOutEverywhere",
      "auth.requestEmailVerification",
      "auth.revokeSession",
      "auth.twoFactor.beginEnrolment",
      "auth.twoFactor.confirmEnrolment",
      "auth.twoFactor.disable",
      "auth.twoFactor.regenerateRecoveryCodes",
      "auth.twoFactor.status",
      "users.becomeHost",
      "users.me",
      "users.publicProfile",
      "users.updateProfile",
    ]);
    const noOtherMembersData: Record<string, string> = {
      "auth.signUp": "creates a new account; a taken address is a 409 (covered by auth-sign-up)",
      "auth.logIn": "needs the account's password (limits: rate-limit.test)",
      "auth.verifyEmail": "needs the mailed token",
      "auth.requestPasswordReset": "mails the address's owner only, always 'ok'",
      "auth.resetPassword": "needs the mailed token",
      "auth.oauthProviders": "static configuration",
      "auth.refresh": "the refresh token is the credential (reuse and families: security-tokens)",
    };
    const accountProcedures = procedures
      .map((p) => p.path)
      .filter((path) => /^(auth|users|apiKeys)\./.test(path));
    const unconsidered = accountProcedures.filter(
      (path) => !tried.has(path) && !(path in noOtherMembersData),
    );
    expect(unconsidered).toEqual([]);
  });
});

/** Another session for an account without 2FA. */
async function verifiedSession(email: string): Promise<string> {
  const result = await mutate<{ tokens: { accessToken: string } }>("auth.logIn", {
    email,
    password,
    tokenDelivery: "body",
  });
  expect(result.status).toBe(200);
  return result.data.tokens.accessToken;
}
