import { describe, expect, it } from "vitest";
import { apiKeyFor, createMember, sqlRows, trpcGet, trpcPost } from "./users-support.ts";

type Account = {
  id: string;
  email: string;
  displayName: string;
  bio: string;
  languages: string[];
  phone: string | null;
  avatarUrl: string | null;
  roles: { isHost: boolean; isAdmin: boolean };
  emailVerified: boolean;
  twoFactorEnabled: boolean;
};

describe("users.me", () => {
  it("returns the caller's own account", async () => {
    const member = await createMember("me", { displayName: "Mia", bio: "Loves lakes", phone: "+4930123456" });
    const result = await trpcGet<Account>("users.me", undefined, member.auth);
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
    const result = await trpcGet("users.me");
    expect(result.status).toBe(401);
    expect(result.error?.data.code).toBe("UNAUTHORIZED");
  });

  it("is open to an API key with profile:read, and closed to one without", async () => {
    const member = await createMember("me-key");
    const reader = await trpcGet<Account>("users.me", undefined, await apiKeyFor(member, ["profile:read"]));
    expect(reader.status).toBe(200);
    expect(reader.data.id).toBe(member.userId);
    const writer = await trpcGet("users.me", undefined, await apiKeyFor(member, ["profile:write"]));
    expect(writer.status).toBe(403);
  });
});

describe("users.updateProfile", () => {
  it("changes the given fields, normalises them, and leaves the rest", async () => {
    const member = await createMember("update", { bio: "old bio" });
    const result = await trpcPost<Account>(
      "users.updateProfile",
      { displayName: "  Noor  ", languages: ["EN", "de", "en"], phone: "+44 20 7946-0958" },
      member.auth,
    );
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({
      displayName: "Noor",
      languages: ["en", "de"],
      phone: "+442079460958",
      bio: "old bio",
    });
    const me = await trpcGet<Account>("users.me", undefined, member.auth);
    expect(me.data.displayName).toBe("Noor");
  });

  it("clears the phone number with null", async () => {
    const member = await createMember("clear-phone", { phone: "+14155550123" });
    const result = await trpcPost<Account>("users.updateProfile", { phone: null }, member.auth);
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
    const result = await trpcPost("users.updateProfile", input, member.auth);
    expect(result.status).toBe(400);
    expect(result.error?.data.issues?.map((i) => i.path)).toContain(path);
  });

  it("needs profile:write for an API key", async () => {
    const member = await createMember("update-key");
    const readOnly = await trpcPost(
      "users.updateProfile",
      { bio: "x" },
      await apiKeyFor(member, ["profile:read"]),
    );
    expect(readOnly.status).toBe(403);
    const writer = await trpcPost<Account>(
      "users.updateProfile",
      { bio: "from a partner" },
      await apiKeyFor(member, ["profile:write"]),
    );
    expect(writer.status).toBe(200);
    expect(writer.data.bio).toBe("from a partner");
  });

  it("only ever changes the caller: a userId in the input is ignored", async () => {
    const a = await createMember("attacker");
    const b = await createMember("victim", { displayName: "Victim" });
    const result = await trpcPost("users.updateProfile", { userId: b.userId, displayName: "pwned" }, a.auth);
    expect(result.status).toBe(200);
    const victim = await trpcGet<{ displayName: string }>("users.publicProfile", { userId: b.userId });
    expect(victim.data.displayName).toBe("Victim");
    const attacker = await trpcGet<Account>("users.me", undefined, a.auth);
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
    const result = await trpcGet<Record<string, unknown>>("users.publicProfile", { userId: member.userId });
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
    const unknown = await trpcGet("users.publicProfile", { userId: crypto.randomUUID() });
    expect(unknown.status).toBe(404);
    const closed = await createMember("closed");
    await sqlRows("update users set status = 'deleted' where id = $1", [closed.userId]);
    const result = await trpcGet("users.publicProfile", { userId: closed.userId });
    expect(result.status).toBe(404);
    expect(result.error?.data.code).toBe("NOT_FOUND");
  });

  it("rejects a user id that is not a uuid with 400", async () => {
    const result = await trpcGet("users.publicProfile", { userId: "1 or 1=1" });
    expect(result.status).toBe(400);
  });
});

describe("users.becomeHost", () => {
  it("creates the host profile once, and the new host passes host checks before a token refresh", async () => {
    const member = await createMember("host");
    const first = await trpcPost("users.becomeHost", undefined, member.auth);
    expect(first.status).toBe(200);
    expect(first.data).toEqual({ isHost: true, created: true });
    const again = await trpcPost("users.becomeHost", undefined, member.auth);
    expect(again.data).toEqual({ isHost: true, created: false });

    const rows = await sqlRows("select user_id from host_profiles where user_id = $1", [member.userId]);
    expect(rows).toHaveLength(1);
    const me = await trpcGet<Account>("users.me", undefined, member.auth);
    expect(me.data.roles).toEqual({ isHost: true, isAdmin: false });
    const profile = await trpcGet<{ isHost: boolean }>("users.publicProfile", { userId: member.userId });
    expect(profile.data.isHost).toBe(true);
  });

  it("is refused to API keys and anonymous callers", async () => {
    const member = await createMember("host-key");
    const key = await apiKeyFor(member, ["profile:read", "profile:write"]);
    expect((await trpcPost("users.becomeHost", undefined, key)).status).toBe(403);
    expect((await trpcPost("users.becomeHost", undefined)).status).toBe(401);
    const rows = await sqlRows("select user_id from host_profiles where user_id = $1", [member.userId]);
    expect(rows).toEqual([]);
  });
});

describe("a closed account", () => {
  it("cannot read its profile with a token issued before it closed", async () => {
    const member = await createMember("closing");
    await sqlRows("update users set status = 'deleted' where id = $1", [member.userId]);
    const result = await trpcGet("users.me", undefined, member.auth);
    expect(result.status).toBe(401);
  });
});
