import { describe, expect, it } from "vitest";
import { bearer, dataOf, errorOf, mutate, newMember, query, sql } from "./hardening-support.ts";

type Created = { id: string; key: string; prefix: string };
type Listed = { id: string; name: string; prefix: string; scopes: string[]; lastUsedAt: string | null }[];

describe("partner API keys", () => {
  it("creates a key shown once, lists it by prefix only, and stores only a hash", async () => {
    const member = await newMember("keys");
    const auth = bearer(member.accessToken);
    const created = dataOf<Created>(
      await mutate("apiKeys.create", { name: "Channel manager", scopes: ["profile:read"] }, auth),
    );
    expect(created.key).toMatch(/^htk_[a-z2-7]{8}_[a-z2-7]{52}$/);
    expect(created.key.startsWith(`${created.prefix}_`)).toBe(true);

    const listed = await query("apiKeys.list", undefined, auth);
    expect(dataOf<Listed>(listed)).toEqual([
      {
        id: created.id,
        name: "Channel manager",
        prefix: created.prefix,
        scopes: ["profile:read"],
        createdAt: expect.any(String),
        lastUsedAt: null,
        expiresAt: null,
      },
    ]);
    const secret = created.key.slice(created.prefix.length + 1);
    expect(listed.text).not.toContain(secret);

    const [row] = await sql<{ key_hash: string }>("select key_hash from api_keys where id = $1", [
      created.id,
    ]);
    expect(row?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.key_hash).not.toContain(secret);
  });

  it("is accepted as a bearer token on a procedure its scope allows, and records its use", async () => {
    const member = await newMember("bearer");
    const created = dataOf<Created>(
      await mutate(
        "apiKeys.create",
        { name: "Reader", scopes: ["profile:read"] },
        bearer(member.accessToken),
      ),
    );
    const me = dataOf<{ id: string; email: string }>(await query("users.me", undefined, bearer(created.key)));
    expect(me).toMatchObject({ id: member.userId, email: member.email });
    const [listed] = dataOf<Listed>(await query("apiKeys.list", undefined, bearer(member.accessToken)));
    expect(listed?.lastUsedAt).not.toBeNull();
  });

  it("answers 401 for a wrong secret, an unknown key and a revoked key", async () => {
    const member = await newMember("revoked");
    const auth = bearer(member.accessToken);
    const created = dataOf<Created>(
      await mutate("apiKeys.create", { name: "Soon gone", scopes: ["profile:read"] }, auth),
    );
    const last = created.key.at(-1) === "a" ? "b" : "a";
    const wrongSecret = `${created.key.slice(0, -1)}${last}`;
    const unknown = `htk_${"a".repeat(8)}_${"b".repeat(52)}`;
    for (const key of [wrongSecret, unknown, "htk_nonsense"]) {
      const result = await query("users.me", undefined, bearer(key));
      expect(result.response.status).toBe(401);
    }

    dataOf(await mutate("apiKeys.revoke", { id: created.id }, auth));
    expect((await query("users.me", undefined, bearer(created.key))).response.status).toBe(401);
    expect(dataOf<Listed>(await query("apiKeys.list", undefined, auth))).toEqual([]);
    // Revoking again, or revoking someone else's key, is "no such key".
    expect((await mutate("apiKeys.revoke", { id: created.id }, auth)).response.status).toBe(404);
  });

  it("answers 403 when the key lacks the scope, and never lets a key manage keys, sessions or 2FA", async () => {
    const member = await newMember("scope");
    const auth = bearer(member.accessToken);
    const writer = dataOf<Created>(
      await mutate("apiKeys.create", { name: "Writer", scopes: ["profile:write"] }, auth),
    );
    const noScope = await query("users.me", undefined, bearer(writer.key));
    expect(noScope.response.status).toBe(403);
    expect(errorOf(noScope).data.code).toBe("FORBIDDEN");

    const full = dataOf<Created>(
      await mutate("apiKeys.create", { name: "Everything", scopes: ["profile:read", "profile:write"] }, auth),
    );
    const asKey = bearer(full.key);
    const attempts = [
      await mutate("apiKeys.create", { name: "Minted by a key", scopes: ["profile:read"] }, asKey),
      await query("apiKeys.list", undefined, asKey),
      await mutate("apiKeys.revoke", { id: writer.id }, asKey),
      await query("auth.listSessions", undefined, asKey),
      await mutate("auth.logOutEverywhere", {}, asKey),
      await query("auth.twoFactor.status", undefined, asKey),
      await mutate("auth.twoFactor.beginEnrolment", undefined, asKey),
      await mutate(
        "auth.changePassword",
        { currentPassword: member.password, newPassword: `New-${member.password}` },
        asKey,
      ),
    ];
    for (const attempt of attempts) expect(attempt.response.status, attempt.text).toBe(403);
    // Both keys still work: nothing above took effect.
    expect(dataOf<Listed>(await query("apiKeys.list", undefined, auth))).toHaveLength(2);
  });

  it("keeps members' keys apart", async () => {
    const alice = await newMember("alice");
    const bob = await newMember("bob");
    const aliceKey = dataOf<Created>(
      await mutate(
        "apiKeys.create",
        { name: "Alice's", scopes: ["profile:read"] },
        bearer(alice.accessToken),
      ),
    );
    expect(dataOf<Listed>(await query("apiKeys.list", undefined, bearer(bob.accessToken)))).toEqual([]);
    const steal = await mutate("apiKeys.revoke", { id: aliceKey.id }, bearer(bob.accessToken));
    expect(steal.response.status).toBe(404);
    expect(dataOf<{ id: string }>(await query("users.me", undefined, bearer(aliceKey.key))).id).toBe(
      alice.userId,
    );
  });

  it("rejects unknown scopes and empty names with field errors", async () => {
    const member = await newMember("invalid");
    const result = await mutate(
      "apiKeys.create",
      { name: " ", scopes: ["admin:everything"] },
      bearer(member.accessToken),
    );
    expect(result.response.status).toBe(400);
    expect(
      errorOf(result)
        .data.issues?.map((issue) => issue.path)
        .sort(),
    ).toEqual(["name", "scopes.0"]);
    expect((await mutate("apiKeys.create", { name: "x", scopes: ["profile:read"] })).response.status).toBe(
      401,
    );
  });
});
