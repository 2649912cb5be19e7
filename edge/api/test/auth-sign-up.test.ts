import { issueEmailToken } from "@hometrip/core";
import { describe, expect, it } from "vitest";
import { logIn, outboxEvents, password, signUp, uniqueEmail } from "./auth-helpers.ts";
import { sql, withDatabase } from "./db.ts";
import { bearer, createTestClient, settle, untyped } from "./harness.ts";

const api = createTestClient();

describe("auth.signUp", () => {
  it("creates the account with a lower-cased email and asks for a verification mail", async () => {
    const email = uniqueEmail("SignUp").replace("signup", "SignUp");
    const result = await settle(() =>
      api.auth.signUp.mutate({
        email: `  ${email.toUpperCase()} `,
        password,
        displayName: "Ada",
      }),
    );
    expect(result.status).toBe(200);
    const { userId } = result.data;
    const [row] = await sql("select email, email_verified_at from users where id = $1", [userId]);
    expect(row).toEqual({ email: email.toLowerCase(), email_verified_at: null });
    const events = await outboxEvents("auth.email_verification_requested", userId);
    expect(events.map((e) => e.payload)).toEqual([{ userId, email: email.toLowerCase() }]);
    const [credential] = await sql("select password_hash from credentials where user_id = $1", [userId]);
    expect(credential?.password_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(JSON.stringify(result.data)).not.toContain(password);
  });

  it("refuses a second account for the same address in any casing with 409, revealing nothing else", async () => {
    const email = uniqueEmail("dup");
    await signUp(email);
    const again = await settle(() =>
      api.auth.signUp.mutate({ email: email.toUpperCase(), password, displayName: "Other" }),
    );
    expect(again.status).toBe(409);
    expect(again.error?.code).toBe("CONFLICT");
    expect(again.error?.message).not.toMatch(/verified|suspended|google|github/i);
  });

  it.each([
    ["too short", "short pass", /at least 12/],
    ["a common password", "password123456", /too common/],
    ["a padded common word", "Qwerty1234567!", /too common/],
    ["too long", "x".repeat(129), /at most 128/],
  ])("rejects a password that is %s with 400 on the password field", async (_label, pw, message) => {
    const result = await settle(() =>
      api.auth.signUp.mutate({
        email: uniqueEmail("weak"),
        password: pw,
        displayName: "Weak",
      }),
    );
    expect(result.status).toBe(400);
    expect(result.error?.issues).toEqual([{ path: "password", message: expect.stringMatching(message) }]);
  });

  it("rejects the account's own email as password", async () => {
    const email = uniqueEmail("selfpw");
    const result = await settle(() =>
      api.auth.signUp.mutate({ email, password: email, displayName: "Self" }),
    );
    expect(result.status).toBe(400);
    expect(result.error?.issues).toEqual([{ path: "password", message: "must not be your email address" }]);
  });

  it("accepts long passphrases with spaces and any characters, no composition rules", async () => {
    const userId = await signUp(uniqueEmail("phrase"), "lowercase only words here", "P");
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
    await signUp(uniqueEmail("unicode"), "пароль-на-русском-😀", "U");
  });

  it("answers malformed input with 400 and field paths", async () => {
    const result = await settle(() =>
      api.auth.signUp.mutate({ email: "not-an-email", password: untyped(5), displayName: "" }),
    );
    expect(result.status).toBe(400);
    expect(result.error?.issues?.map((i) => i.path).sort()).toEqual(["displayName", "email", "password"]);
  });
});

describe("auth.verifyEmail", () => {
  it("verifies the address with the mailed token, once", async () => {
    const email = uniqueEmail("verify");
    const userId = await signUp(email);
    // The worker mints the token when it sends the mail; do what it does.
    const token = await withDatabase((db) =>
      issueEmailToken(db, { userId, email, purpose: "verify_email", ttlSeconds: 3600, now: new Date() }),
    );
    const first = await settle(() => api.auth.verifyEmail.mutate({ token }));
    expect(first.status).toBe(200);
    const [row] = await sql("select email_verified_at from users where id = $1", [userId]);
    expect(row?.email_verified_at).toBeInstanceOf(Date);

    const again = await settle(() => api.auth.verifyEmail.mutate({ token }));
    expect(again.status).toBe(400);
    expect(again.error?.issues).toEqual([{ path: "token", message: "is invalid or has expired" }]);
  });

  it("refuses expired, unknown and reset-purpose tokens", async () => {
    const email = uniqueEmail("verify-bad");
    const userId = await signUp(email);
    const past = new Date(Date.now() - 7200_000);
    const expired = await withDatabase((db) =>
      issueEmailToken(db, { userId, email, purpose: "verify_email", ttlSeconds: 3600, now: past }),
    );
    const reset = await withDatabase((db) =>
      issueEmailToken(db, { userId, email, purpose: "reset_password", ttlSeconds: 3600, now: new Date() }),
    );
    for (const token of [expired, reset, "x".repeat(43)]) {
      expect((await settle(() => api.auth.verifyEmail.mutate({ token }))).status).toBe(400);
    }
    expect((await settle(() => api.auth.verifyEmail.mutate(untyped({})))).status).toBe(400);
  });
});

describe("auth.requestEmailVerification", () => {
  it("records another verification mail for the signed-in, unverified member", async () => {
    const email = uniqueEmail("again");
    const userId = await signUp(email);
    const { accessToken } = await logIn(email);
    const result = await settle(() =>
      createTestClient(bearer(accessToken)).auth.requestEmailVerification.mutate(),
    );
    expect(result.status).toBe(200);
    expect(await outboxEvents("auth.email_verification_requested", userId)).toHaveLength(2);
  });

  it("answers ok for an unknown address without recording anything", async () => {
    const result = await settle(() =>
      api.auth.requestEmailVerification.mutate({ email: uniqueEmail("nobody") }),
    );
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ ok: true });
  });

  it("records nothing once the address is verified", async () => {
    const email = uniqueEmail("verified");
    const userId = await signUp(email);
    await sql("update users set email_verified_at = now() where id = $1", [userId]);
    const result = await settle(() => api.auth.requestEmailVerification.mutate({ email }));
    expect(result.status).toBe(200);
    expect(await outboxEvents("auth.email_verification_requested", userId)).toHaveLength(1);
  });
});
