import { createApiKey } from "@hometrip/core";
import { describe, expect, it } from "vitest";
import { logIn, newMember } from "./auth-helpers.ts";
import { withDatabase } from "./db.ts";
import { bearer, createTestClient, settle } from "./harness.ts";

const api = createTestClient();

describe("auth.listSessions / auth.revokeSession", () => {
  it("lists the caller's sessions and marks the current one", async () => {
    const member = await newMember("list");
    const second = await logIn(member.email);
    const result = await settle(() => createTestClient(bearer(second.accessToken)).auth.listSessions.query());
    expect(result.status).toBe(200);
    expect(result.data).toHaveLength(2);
    expect(result.data.filter((s) => s.current)).toHaveLength(1);
    expect(result.data.every((s) => !Number.isNaN(Date.parse(s.lastUsedAt)))).toBe(true);
    expect(JSON.stringify(result.data)).not.toContain(second.refreshToken);
  });

  it("revokes another of one's own sessions: its access token fails at once", async () => {
    const member = await newMember("revoke-own");
    const second = await logIn(member.email);
    const sessions = await settle(() =>
      createTestClient(bearer(second.accessToken)).auth.listSessions.query(),
    );
    const other = sessions.data.find((s) => !s.current)!;
    const result = await settle(() =>
      createTestClient(bearer(second.accessToken)).auth.revokeSession.mutate({ sessionId: other.id }),
    );
    expect(result.status).toBe(200);
    expect(result.data.current).toBe(false);
    expect(
      (await settle(() => createTestClient(bearer(member.tokens.accessToken)).auth.listSessions.query()))
        .status,
    ).toBe(401);
    expect(
      (await settle(() => createTestClient(bearer(second.accessToken)).auth.listSessions.query())).status,
    ).toBe(200);
  });

  it("user A can neither see nor revoke user B's sessions", async () => {
    const a = await newMember("alice");
    const b = await newMember("bob");
    const bSessions = await settle(() =>
      createTestClient(bearer(b.tokens.accessToken)).auth.listSessions.query(),
    );
    const bSession = bSessions.data[0]!;

    const aList = await settle(() =>
      createTestClient(bearer(a.tokens.accessToken)).auth.listSessions.query(),
    );
    expect(aList.data.map((s) => s.id)).not.toContain(bSession.id);

    const attempt = await settle(() =>
      createTestClient(bearer(a.tokens.accessToken)).auth.revokeSession.mutate({ sessionId: bSession.id }),
    );
    expect(attempt.status).toBe(404);
    expect(
      (await settle(() => createTestClient(bearer(b.tokens.accessToken)).auth.listSessions.query())).status,
    ).toBe(200);
    expect(
      (await settle(() => api.auth.refresh.mutate({ refreshToken: b.tokens.refreshToken }))).status,
    ).toBe(200);
  });

  it("needs a session: anonymous gets 401, a partner API key gets 403", async () => {
    const member = await newMember("apikey");
    const { key } = await withDatabase((db) =>
      createApiKey(db, { userId: member.userId, name: "test", scopes: ["profile:read"], now: new Date() }),
    );
    expect((await settle(() => api.auth.listSessions.query())).status).toBe(401);
    const withKey = await settle(() => createTestClient(bearer(key)).auth.listSessions.query());
    expect(withKey.status).toBe(403);
    expect(withKey.error?.code).toBe("FORBIDDEN");
    expect((await settle(() => createTestClient(bearer(key)).auth.logOutEverywhere.mutate())).status).toBe(
      403,
    );
    expect(
      (
        await settle(() =>
          createTestClient(bearer(key)).auth.changePassword.mutate({
            currentPassword: "x",
            newPassword: "y",
          }),
        )
      ).status,
    ).toBe(403);
  });

  it("answers a malformed session id with 400", async () => {
    const member = await newMember("revoke-bad");
    const result = await settle(() =>
      createTestClient(bearer(member.tokens.accessToken)).auth.revokeSession.mutate({
        sessionId: "1; drop table users",
      }),
    );
    expect(result.status).toBe(400);
    expect(result.error?.issues).toEqual([{ path: "sessionId", message: "must be a session id" }]);
  });
});
