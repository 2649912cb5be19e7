import { describe, expect, it } from "vitest";
import { sql } from "./db.ts";
import { createTestClient, settle, untyped } from "./harness.ts";
import { apiKeyFor, createMember } from "./users-support.ts";

const api = createTestClient();

describe("users.me", () => {
  it("returns the caller's own account", async () => {
    const member = await createMember("me", { displayName: "Mia", bio: "Loves lakes", phone: "+4930123456" });
    const result = await settle(() => createTestClient(member.auth).users.me.query());
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({
      id: member.userId,
      email: member.email,
      displayName: "Mia",
      bio: "Loves lakes",
      languages: [],
      phone: "+4930123456",
      avatarUrl: null,
      roles: { isHost: false, isAdmin: false },
      emailVerified: false,
      twoFactorEnabled: false,
    });
  });

  it("answers 401 without a credential", async () => {
    const result = await settle(() => api.users.me.query());
    expect(result.status).toBe(401);
    expect(result.error?.code).toBe("UNAUTHORIZED");
  });

  it("is open to an API key with profile:read, and closed to one without", async () => {
    const member = await createMember("me-key");
    const readKey = await apiKeyFor(member, ["profile:read"]);
    const reader = await settle(() => createTestClient(readKey).users.me.query());
    expect(reader.status).toBe(200);
    expect(reader.data.id).toBe(member.userId);
    const writeKey = await apiKeyFor(member, ["profile:write"]);
    const writer = await settle(() => createTestClient(writeKey).users.me.query());
    expect(writer.status).toBe(403);
  });
});

describe("users.updateProfile", () => {
  it("changes the given fields, normalises them, and leaves the rest", async () => {
    const member = await createMember("update", { bio: "old bio" });
    const result = await settle(() =>
      createTestClient(member.auth).users.updateProfile.mutate({
        displayName: "  Noor  ",
        languages: ["EN", "de", "en"],
        phone: "+44 20 7946-0958",
      }),
    );
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({
      displayName: "Noor",
      languages: ["en", "de"],
      phone: "+442079460958",
      bio: "old bio",
    });
    const me = await settle(() => createTestClient(member.auth).users.me.query());
    expect(me.data.displayName).toBe("Noor");
  });

  it("clears the phone number with null", async () => {
    const member = await createMember("clear-phone", { phone: "+14155550123" });
    const result = await settle(() =>
      createTestClient(member.auth).users.updateProfile.mutate({ phone: null }),
    );
    expect(result.data.phone).toBeNull();
  });

  it.each([
    ["an empty display name", { displayName: "   " }, "displayName"],
    ["a display name over 80 characters", { displayName: "x".repeat(81) }, "displayName"],
    ["a bio over 1000 characters", { bio: "b".repeat(1001) }, "bio"],
    ["a language that is not ISO 639-1", { languages: ["en", "xx"] }, "languages.1"],
    [
      "more than 10 languages",
      { languages: ["en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "fi", "no"] },
      "languages",
    ],
    ["a phone number without country code", { phone: "030 123456" }, "phone"],
    ["a phone number with letters", { phone: "+49 30 CALLME" }, "phone"],
  ])("rejects %s with a field error", async (_label, input, path) => {
    const member = await createMember("invalid");
    const result = await settle(() => createTestClient(member.auth).users.updateProfile.mutate(input));
    expect(result.status).toBe(400);
    expect(result.error?.issues?.map((i) => i.path)).toContain(path);
  });

  it("needs profile:write for an API key", async () => {
    const member = await createMember("update-key");
    const readKey = await apiKeyFor(member, ["profile:read"]);
    const readOnly = await settle(() => createTestClient(readKey).users.updateProfile.mutate({ bio: "x" }));
    expect(readOnly.status).toBe(403);
    const writeKey = await apiKeyFor(member, ["profile:write"]);
    const writer = await settle(() =>
      createTestClient(writeKey).users.updateProfile.mutate({ bio: "from a partner" }),
    );
    expect(writer.status).toBe(200);
    expect(writer.data.bio).toBe("from a partner");
  });

  it("only ever changes the caller: a userId in the input is ignored", async () => {
    const a = await createMember("attacker");
    const b = await createMember("victim", { displayName: "Victim" });
    const result = await settle(() =>
      createTestClient(a.auth).users.updateProfile.mutate(
        untyped({ userId: b.userId, displayName: "pwned" }),
      ),
    );
    expect(result.status).toBe(200);
    const victim = await settle(() => api.users.publicProfile.query({ userId: b.userId }));
    expect(victim.data.displayName).toBe("Victim");
    const attacker = await settle(() => createTestClient(a.auth).users.me.query());
    expect(attacker.data.displayName).toBe("pwned");
  });
});

describe("users.publicProfile", () => {
  it("shows what others may see and nothing private", async () => {
    const member = await createMember("public", {
      displayName: "Pia",
      bio: "Host in Lisbon",
      languages: ["pt", "en"],
      phone: "+351912345678",
    });
    const result = await settle(() => api.users.publicProfile.query({ userId: member.userId }));
    expect(result.status).toBe(200);
    expect(Object.keys(result.data).sort()).toEqual(
      ["avatarUrl", "bio", "displayName", "isHost", "languages", "memberSince", "userId"].sort(),
    );
    expect(result.data).toMatchObject({ userId: member.userId, displayName: "Pia", isHost: false });
    const serialized = JSON.stringify(result.data);
    expect(serialized).not.toContain(member.email);
    expect(serialized).not.toContain("351912345678");
  });

  it("answers NOT_FOUND for an unknown or closed account", async () => {
    const unknown = await settle(() => api.users.publicProfile.query({ userId: crypto.randomUUID() }));
    expect(unknown.status).toBe(404);
    const closed = await createMember("closed");
    await sql("update users set status = 'deleted' where id = $1", [closed.userId]);
    const result = await settle(() => api.users.publicProfile.query({ userId: closed.userId }));
    expect(result.status).toBe(404);
    expect(result.error?.code).toBe("NOT_FOUND");
  });

  it("rejects a user id that is not a uuid with 400", async () => {
    const result = await settle(() => api.users.publicProfile.query({ userId: "1 or 1=1" }));
    expect(result.status).toBe(400);
  });
});

describe("users.becomeHost", () => {
  it("creates the host profile once, and the new host passes host checks before a token refresh", async () => {
    const member = await createMember("host");
    const first = await settle(() => createTestClient(member.auth).users.becomeHost.mutate());
    expect(first.status).toBe(200);
    expect(first.data).toEqual({ isHost: true, created: true });
    const again = await settle(() => createTestClient(member.auth).users.becomeHost.mutate());
    expect(again.data).toEqual({ isHost: true, created: false });

    const rows = await sql("select user_id from host_profiles where user_id = $1", [member.userId]);
    expect(rows).toHaveLength(1);
    const me = await settle(() => createTestClient(member.auth).users.me.query());
    expect(me.data.roles).toEqual({ isHost: true, isAdmin: false });
    const profile = await settle(() => api.users.publicProfile.query({ userId: member.userId }));
    expect(profile.data.isHost).toBe(true);
  });

  it("is refused to API keys and anonymous callers", async () => {
    const member = await createMember("host-key");
    const key = await apiKeyFor(member, ["profile:read", "profile:write"]);
    expect((await settle(() => createTestClient(key).users.becomeHost.mutate())).status).toBe(403);
    expect((await settle(() => api.users.becomeHost.mutate())).status).toBe(401);
    const rows = await sql("select user_id from host_profiles where user_id = $1", [member.userId]);
    expect(rows).toEqual([]);
  });
});

describe("a closed account", () => {
  it("cannot read its profile with a token issued before it closed", async () => {
    const member = await createMember("closing");
    await sql("update users set status = 'deleted' where id = $1", [member.userId]);
    const result = await settle(() => createTestClient(member.auth).users.me.query());
    expect(result.status).toBe(401);
  });
});
