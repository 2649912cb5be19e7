import { describe, expect, it } from "vitest";
import { sql } from "./db.ts";
import { newMember } from "./hardening-support.ts";
import { bearer, createTestClient, settle, untyped } from "./harness.ts";

describe("partner API keys", () => {
  it("creates a key shown once, lists it by prefix only, and stores only a hash", async () => {
    const member = await newMember("keys");
    const auth = bearer(member.accessToken);
    const created = await createTestClient(auth).apiKeys.create.mutate({
      name: "Channel manager",
      scopes: ["profile:read"],
    });
    expect(created.key).toMatch(/^htk_[a-z2-7]{8}_[a-z2-7]{52}$/);
    expect(created.key.startsWith(`${created.prefix}_`)).toBe(true);

    const listed = await settle(() => createTestClient(auth).apiKeys.list.query());
    expect(listed.status).toBe(200);
    expect(listed.data).toEqual([
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
    expect(JSON.stringify(listed.data)).not.toContain(secret);

    const [row] = await sql<{ key_hash: string }>("select key_hash from api_keys where id = $1", [
      created.id,
    ]);
    expect(row?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.key_hash).not.toContain(secret);
  });

  it("is accepted as a bearer token on a procedure its scope allows, and records its use", async () => {
    const member = await newMember("bearer");
    const created = await createTestClient(bearer(member.accessToken)).apiKeys.create.mutate({
      name: "Reader",
      scopes: ["profile:read"],
    });
    const me = await createTestClient(bearer(created.key)).users.me.query();
    expect(me).toMatchObject({ id: member.userId, email: member.email });
    const [listed] = await createTestClient(bearer(member.accessToken)).apiKeys.list.query();
    expect(listed?.lastUsedAt).not.toBeNull();
  });

  it("answers 401 for a wrong secret, an unknown key and a revoked key", async () => {
    const member = await newMember("revoked");
    const auth = bearer(member.accessToken);
    const created = await createTestClient(auth).apiKeys.create.mutate({
      name: "Soon gone",
      scopes: ["profile:read"],
    });
    const last = created.key.at(-1) === "a" ? "b" : "a";
    const wrongSecret = `${created.key.slice(0, -1)}${last}`;
    const unknown = `htk_${"a".repeat(8)}_${"b".repeat(52)}`;
    for (const key of [wrongSecret, unknown, "htk_nonsense"]) {
      const result = await settle(() => createTestClient(bearer(key)).users.me.query());
      expect(result.status).toBe(401);
    }

    await createTestClient(auth).apiKeys.revoke.mutate({ id: created.id });
    expect((await settle(() => createTestClient(bearer(created.key)).users.me.query())).status).toBe(401);
    expect(await createTestClient(auth).apiKeys.list.query()).toEqual([]);
    // Revoking again, or revoking someone else's key, is "no such key".
    expect(
      (await settle(() => createTestClient(auth).apiKeys.revoke.mutate({ id: created.id }))).status,
    ).toBe(404);
  });

  it("answers 403 when the key lacks the scope, and never lets a key manage keys, sessions or 2FA", async () => {
    const member = await newMember("scope");
    const auth = bearer(member.accessToken);
    const writer = await createTestClient(auth).apiKeys.create.mutate({
      name: "Writer",
      scopes: ["profile:write"],
    });
    const noScope = await settle(() => createTestClient(bearer(writer.key)).users.me.query());
    expect(noScope.status).toBe(403);
    expect(noScope.error?.code).toBe("FORBIDDEN");

    const full = await createTestClient(auth).apiKeys.create.mutate({
      name: "Everything",
      scopes: ["profile:read", "profile:write"],
    });
    const asKey = bearer(full.key);
    const attempts = [
      await settle(() =>
        createTestClient(asKey).apiKeys.create.mutate({ name: "Minted by a key", scopes: ["profile:read"] }),
      ),
      await settle(() => createTestClient(asKey).apiKeys.list.query()),
      await settle(() => createTestClient(asKey).apiKeys.revoke.mutate({ id: writer.id })),
      await settle(() => createTestClient(asKey).auth.listSessions.query()),
      await settle(() => createTestClient(asKey).auth.logOutEverywhere.mutate()),
      await settle(() => createTestClient(asKey).auth.twoFactor.status.query()),
      await settle(() => createTestClient(asKey).auth.twoFactor.beginEnrolment.mutate()),
      await settle(() =>
        createTestClient(asKey).auth.changePassword.mutate({
          currentPassword: member.password,
          newPassword: `New-${member.password}`,
        }),
      ),
    ];
    for (const attempt of attempts) expect(attempt.status, attempt.error?.message).toBe(403);
    // Both keys still work: nothing above took effect.
    expect(await createTestClient(auth).apiKeys.list.query()).toHaveLength(2);
  });

  it("keeps members' keys apart", async () => {
    const alice = await newMember("alice");
    const bob = await newMember("bob");
    const aliceKey = await createTestClient(bearer(alice.accessToken)).apiKeys.create.mutate({
      name: "Alice's",
      scopes: ["profile:read"],
    });
    expect(await createTestClient(bearer(bob.accessToken)).apiKeys.list.query()).toEqual([]);
    const steal = await settle(() =>
      createTestClient(bearer(bob.accessToken)).apiKeys.revoke.mutate({ id: aliceKey.id }),
    );
    expect(steal.status).toBe(404);
    expect((await createTestClient(bearer(aliceKey.key)).users.me.query()).id).toBe(alice.userId);
  });

  it("rejects unknown scopes and empty names with field errors", async () => {
    const member = await newMember("invalid");
    const result = await settle(() =>
      createTestClient(bearer(member.accessToken)).apiKeys.create.mutate({
        name: " ",
        scopes: [untyped("admin:everything")],
      }),
    );
    expect(result.status).toBe(400);
    expect(result.error?.issues?.map((issue) => issue.path).sort()).toEqual(["name", "scopes.0"]);
    expect(
      (await settle(() => createTestClient().apiKeys.create.mutate({ name: "x", scopes: ["profile:read"] })))
        .status,
    ).toBe(401);
  });
});
