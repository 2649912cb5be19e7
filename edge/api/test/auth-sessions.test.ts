import { createApiKey } from "@hometrip/core";
import { describe, expect, it } from "vitest";
import { bearer, logIn, mutate, newMember, query, withDb } from "./auth-helpers.ts";

type SessionRow = { id: string; current: boolean; userAgent: string | null; lastUsedAt: string };

describe("auth.listSessions / auth.revokeSession", () => {
  it("lists the caller's sessions and marks the current one", async () => {
    const member = await newMember("list");
    const second = await logIn(member.email);
    const result = await query<SessionRow[]>("auth.listSessions", undefined, bearer(second.accessToken));
    expect(result.status).toBe(200);
    expect(result.data).toHaveLength(2);
    expect(result.data.filter((s) => s.current)).toHaveLength(1);
    expect(result.data.every((s) => !Number.isNaN(Date.parse(s.lastUsedAt)))).toBe(true);
    expect(JSON.stringify(result.body)).not.toContain(second.refreshToken);
  });

  it("revokes another of one's own sessions: its access token fails at once", async () => {
    const member = await newMember("revoke-own");
    const second = await logIn(member.email);
    const sessions = await query<SessionRow[]>("auth.listSessions", undefined, bearer(second.accessToken));
    const other = sessions.data.find((s) => !s.current)!;
    const result = await mutate<{ current: boolean }>(
      "auth.revokeSession",
      { sessionId: other.id },
      bearer(second.accessToken),
    );
    expect(result.status).toBe(200);
    expect(result.data.current).toBe(false);
    expect((await query("auth.listSessions", undefined, bearer(member.tokens.accessToken))).status).toBe(401);
    expect((await query("auth.listSessions", undefined, bearer(second.accessToken))).status).toBe(200);
  });

  it("user A can neither see nor revoke user B's sessions", async () => {
    const a = await newMember("alice");
    const b = await newMember("bob");
    const bSessions = await query<SessionRow[]>("auth.listSessions", undefined, bearer(b.tokens.accessToken));
    const bSession = bSessions.data[0]!;

    const aList = await query<SessionRow[]>("auth.listSessions", undefined, bearer(a.tokens.accessToken));
    expect(aList.data.map((s) => s.id)).not.toContain(bSession.id);

    const attempt = await mutate(
      "auth.revokeSession",
      { sessionId: bSession.id },
      bearer(a.tokens.accessToken),
    );
    expect(attempt.status).toBe(404);
    expect((await query("auth.listSessions", undefined, bearer(b.tokens.accessToken))).status).toBe(200);
    expect((await mutate("auth.refresh", { refreshToken: b.tokens.refreshToken })).status).toBe(200);
  });

  it("needs a session: anonymous gets 401, a partner API key gets 403", async () => {
    const member = await newMember("apikey");
    const { key } = await withDb((db) =>
      createApiKey(db, { userId: member.userId, name: "test", scopes: ["profile:read"], now: new Date() }),
    );
    expect((await query("auth.listSessions", undefined)).status).toBe(401);
    const withKey = await query("auth.listSessions", undefined, bearer(key));
    expect(withKey.status).toBe(403);
    expect(withKey.body.error?.data.code).toBe("FORBIDDEN");
    expect((await mutate("auth.logOutEverywhere", undefined, bearer(key))).status).toBe(403);
    expect(
      (await mutate("auth.changePassword", { currentPassword: "x", newPassword: "y" }, bearer(key))).status,
    ).toBe(403);
  });

  it("answers a malformed session id with 400", async () => {
    const member = await newMember("revoke-bad");
    const result = await mutate(
      "auth.revokeSession",
      { sessionId: "1; drop table users" },
      bearer(member.tokens.accessToken),
    );
    expect(result.status).toBe(400);
    expect(result.body.error?.data.issues).toEqual([{ path: "sessionId", message: "must be a session id" }]);
  });
});
