import { hashPassword, passwordHashParams } from "@hometrip/core";
import { assert, describe, expect, it } from "vitest";
import { password, setCookieLines, signUp, uniqueEmail } from "./auth-helpers.ts";
import { sql } from "./db.ts";
import { createTestClient, settle, untyped } from "./harness.ts";

const api = createTestClient();

describe("auth.logIn", () => {
  it("signs in with the email in any casing and returns the member", async () => {
    const email = uniqueEmail("login");
    const userId = await signUp(email, password, "Grace");
    const result = await settle(() =>
      api.auth.logIn.mutate({
        email: email.toUpperCase(),
        password,
        tokenDelivery: "body",
      }),
    );
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({
      status: "signed_in",
      user: { id: userId, email, displayName: "Grace", role: "member", isHost: false, emailVerified: false },
    });
    assert(result.data.status === "signed_in");
    expect(result.data.tokens?.accessToken.split(".")).toHaveLength(3);
    const [session] = await sql("select count(*)::int as n from session_families where user_id = $1", [
      userId,
    ]);
    expect(session?.n).toBe(1);
  });

  it("answers a wrong password and an unknown email identically with 401", async () => {
    const email = uniqueEmail("wrong");
    await signUp(email);
    const wrong = await settle(() => api.auth.logIn.mutate({ email, password: "not the password at all" }));
    const unknown = await settle(() => api.auth.logIn.mutate({ email: uniqueEmail("ghost"), password }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.error?.message).toBe("Incorrect email or password");
    expect(unknown.error?.message).toBe(wrong.error?.message);
    expect(setCookieLines(wrong.headers)).toEqual([]);
  });

  it("refuses a suspended account, but only to someone who knows its password", async () => {
    const email = uniqueEmail("suspended");
    const userId = await signUp(email);
    await sql("update users set status = 'suspended' where id = $1", [userId]);
    expect(
      (await settle(() => api.auth.logIn.mutate({ email, password: "a guess that is wrong" }))).status,
    ).toBe(401);
    const right = await settle(() => api.auth.logIn.mutate({ email, password }));
    expect(right.status).toBe(403);
    expect(right.error?.code).toBe("FORBIDDEN");
  });

  it("hands accounts with confirmed 2FA a challenge instead of a session", async () => {
    const email = uniqueEmail("twofa");
    const userId = await signUp(email);
    await sql(
      "insert into totp_factors (user_id, secret_ciphertext, confirmed_at) values ($1, 'sealed', now())",
      [userId],
    );
    const result = await settle(() =>
      api.auth.logIn.mutate({
        email,
        password,
      }),
    );
    expect(result.status).toBe(200);
    expect(result.data.status).toBe("two_factor_required");
    assert(result.data.status === "two_factor_required");
    expect(result.data.challengeToken).toEqual(expect.any(String));
    expect(setCookieLines(result.headers)).toEqual([]);
    const [session] = await sql("select count(*)::int as n from session_families where user_id = $1", [
      userId,
    ]);
    expect(session?.n).toBe(0);
  });

  it("re-hashes a password stored with older, weaker parameters", async () => {
    const email = uniqueEmail("rehash");
    const userId = await signUp(email);
    const weak = await hashPassword(password, { m: 1024, t: 1, p: 1 });
    await sql("update credentials set password_hash = $2 where user_id = $1", [userId, weak]);
    expect((await settle(() => api.auth.logIn.mutate({ email, password }))).status).toBe(200);
    const [row] = await sql("select password_hash from credentials where user_id = $1", [userId]);
    const { m, t, p } = passwordHashParams;
    expect(row?.password_hash).toContain(`$m=${m},t=${t},p=${p}$`);
    expect((await settle(() => api.auth.logIn.mutate({ email, password }))).status).toBe(200);
  });

  it("answers malformed input with 400 and field paths", async () => {
    const result = await settle(() =>
      api.auth.logIn.mutate({ email: "nope", password: "", tokenDelivery: untyped("fax") }),
    );
    expect(result.status).toBe(400);
    expect(result.error?.issues?.map((i) => i.path).sort()).toEqual(["email", "password", "tokenDelivery"]);
    expect(
      (await settle(() => api.auth.logIn.mutate({ email: uniqueEmail("x"), password: "y".repeat(5000) })))
        .status,
    ).toBe(400);
  });
});
