import { env } from "cloudflare:workers";
import { parseEdgeEnv } from "@hometrip/config";
import { type ApiKeyScope, apiKeyScopes, signAccessToken } from "@hometrip/core";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { beforeAll, describe, expect, it } from "vitest";
import { adminProcedure, createCallerFactory, hostProcedure, router } from "../src/trpc.ts";
import { sql } from "./db.ts";
import { bearer, createTestClient, settle, withRequestContext } from "./harness.ts";
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
  "calendar.availability", // a listing's booked nights, as the public calendar shows them
  "devMailbox.get", // development and test only; "not found" elsewhere
  "devMailbox.list",
  "listings.get", // published listings; drafts only to their host or an admin
  "listings.quote", // prices and bookability of published listings; drafts only to their host or an admin
  "notifications.vapidPublicKey", // the public half of the push key pair, meant for every browser
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
      expect(result.error?.code).toBe("UNAUTHORIZED");
    }
  });
});

describe("partner API keys", () => {
  let owner: SignedUpMember;
  let listingId: string;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    owner = await verifiedMember("authz-keys");
    // A host with a listing, so the hosting scopes (listings:read, calendar:read) have something to open.
    await createTestClient(owner.auth).users.becomeHost.mutate();
    const listing = await createTestClient(owner.auth).listings.create.mutate({
      title: "Key test flat",
      propertyType: "apartment",
    });
    listingId = listing.id;
    const scopeSets: Record<string, ApiKeyScope[]> = {
      all: [...apiKeyScopes],
      ...Object.fromEntries(apiKeyScopes.map((s) => [`without ${s}`, apiKeyScopes.filter((o) => o !== s)])),
    };
    for (const [name, scopes] of Object.entries(scopeSets)) {
      if (scopes.length === 0) continue;
      const created = await settle(() =>
        createTestClient(owner.auth).apiKeys.create.mutate({ name, scopes }),
      );
      expect(created.status).toBe(200);
      keys[name] = created.data.key;
    }
  });

  it.each(nonPublic.filter((p) => p.access !== "operator" && !p.scope))(
    "$path ($access, no scope) answers 403 even to a key holding every scope",
    async (procedure) => {
      const result = await callProcedure(procedure, undefined, bearer(keys.all!));
      expect(result.status, JSON.stringify(result.error)).toBe(403);
      expect(result.error?.code).toBe("FORBIDDEN");
    },
  );

  it.each(nonPublic.filter((p) => p.scope))(
    "$path opens to a key with its $scope scope, and only to that",
    async (procedure) => {
      // Profile reads and writes take no input or an empty object; the host calendar names the owner's listing.
      const input =
        procedure.path === "calendar.range"
          ? { listingId, from: utcDaysFromToday(1), to: utcDaysFromToday(8) }
          : procedure.type === "mutation"
            ? {}
            : undefined;
      const allowed = await callProcedure(procedure, input, bearer(keys.all!));
      expect(allowed.status, JSON.stringify(allowed.error)).toBe(200);
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
    const listed = await settle(() => createTestClient(owner.auth).apiKeys.list.query());
    expect(listed.data).toHaveLength(Object.keys(keys).length);
  });
});

describe("a guest on host and admin procedures", () => {
  const restricted = procedures.filter((p) => p.access === "host" || p.access === "admin");
  it(`gets 403 from every host- or admin-only procedure of the router (${restricted.length})`, async () => {
    const guest = await verifiedMember("authz-guest");
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
  return withRequestContext({ headers }, (ctx) =>
    createCallerFactory(probe)(ctx)
      [name]()
      .catch((error: { code?: string }) => error.code ?? "thrown"),
  );
}

describe("host and admin procedures (the base procedures, on a probe router)", () => {
  it("a guest is refused both; becoming a host opens host procedures at once, not admin ones", async () => {
    const member = await verifiedMember("authz-roles");
    expect(await callProbe("hostOnly", member.auth)).toBe("FORBIDDEN");
    expect(await callProbe("adminOnly", member.auth)).toBe("FORBIDDEN");
    expect((await settle(() => createTestClient(member.auth).users.becomeHost.mutate())).status).toBe(200);
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
