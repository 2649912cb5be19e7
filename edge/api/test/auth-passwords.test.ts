import { issueEmailToken } from "@hometrip/core";
import { describe, expect, it } from "vitest";
import { logIn, newMember, outboxEvents, password, signUp, uniqueEmail } from "./auth-helpers.ts";
import { withDatabase } from "./db.ts";
import { bearer, createTestClient, settle } from "./harness.ts";

const newPassword = "a brand new passphrase";

function resetToken(userId: string, email: string, now = new Date()) {
  return withDatabase((db) =>
    issueEmailToken(db, { userId, email, purpose: "reset_password", ttlSeconds: 3600, now }),
  );
}

const api = createTestClient();

describe("auth.requestPasswordReset", () => {
  it("records a reset mail for an existing account", async () => {
    const email = uniqueEmail("forgot");
    const userId = await signUp(email);
    const result = await settle(() => api.auth.requestPasswordReset.mutate({ email: email.toUpperCase() }));
    expect(result.status).toBe(200);
    expect((await outboxEvents("auth.password_reset_requested", userId)).map((e) => e.payload)).toEqual([
      { userId, email },
    ]);
  });

  it("answers exactly the same for an unknown address", async () => {
    const member = await newMember("known");
    const known = await settle(() => api.auth.requestPasswordReset.mutate({ email: member.email }));
    const unknown = await settle(() =>
      api.auth.requestPasswordReset.mutate({ email: uniqueEmail("unknown") }),
    );
    expect(unknown.status).toBe(known.status);
    expect(unknown.data).toEqual(known.data);
    expect(unknown.error).toEqual(known.error);
  });

  it("stops an address after 5 requests an hour with 429 and Retry-After", async () => {
    const email = uniqueEmail("flood");
    for (let i = 0; i < 5; i++)
      expect((await settle(() => api.auth.requestPasswordReset.mutate({ email }))).status).toBe(200);
    const limited = await settle(() => api.auth.requestPasswordReset.mutate({ email }));
    expect(limited.status).toBe(429);
    expect(limited.error?.code).toBe("TOO_MANY_REQUESTS");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("auth.resetPassword", () => {
  it("sets the new password, ends every session and mails a notice", async () => {
    const { email, userId, tokens } = await newMember("reset");
    const token = await resetToken(userId, email);
    const result = await settle(() => api.auth.resetPassword.mutate({ token, newPassword }));
    expect(result.status).toBe(200);

    expect(
      (await settle(() => createTestClient(bearer(tokens.accessToken)).auth.listSessions.query())).status,
    ).toBe(401);
    expect((await settle(() => api.auth.refresh.mutate({ refreshToken: tokens.refreshToken }))).status).toBe(
      401,
    );
    expect((await settle(() => api.auth.logIn.mutate({ email, password }))).status).toBe(401);
    await logIn(email, newPassword);
    expect(await outboxEvents("auth.password_changed", userId)).toHaveLength(1);

    const again = await settle(() =>
      api.auth.resetPassword.mutate({ token, newPassword: "yet another passphrase" }),
    );
    expect(again.status).toBe(400);
    expect(again.error?.issues).toEqual([{ path: "token", message: "is invalid or has expired" }]);
  });

  it("refuses an expired token, a verification token, and a weak password", async () => {
    const email = uniqueEmail("reset-bad");
    const userId = await signUp(email);
    const expired = await resetToken(userId, email, new Date(Date.now() - 7200_000));
    expect((await settle(() => api.auth.resetPassword.mutate({ token: expired, newPassword }))).status).toBe(
      400,
    );
    const verify = await withDatabase((db) =>
      issueEmailToken(db, { userId, email, purpose: "verify_email", ttlSeconds: 3600, now: new Date() }),
    );
    expect((await settle(() => api.auth.resetPassword.mutate({ token: verify, newPassword }))).status).toBe(
      400,
    );

    const valid = await resetToken(userId, email);
    const weak = await settle(() =>
      api.auth.resetPassword.mutate({ token: valid, newPassword: "password1234" }),
    );
    expect(weak.status).toBe(400);
    expect(weak.error?.issues?.[0]?.path).toBe("newPassword");
    // The weak attempt did not spend the link.
    expect((await settle(() => api.auth.resetPassword.mutate({ token: valid, newPassword }))).status).toBe(
      200,
    );
  });
});

describe("auth.changePassword", () => {
  it("needs the current password, keeps this session and ends the others", async () => {
    const { email, userId, tokens } = await newMember("change");
    const other = await logIn(email);

    const wrong = await settle(() =>
      createTestClient(bearer(tokens.accessToken)).auth.changePassword.mutate({
        currentPassword: "not my password!!",
        newPassword,
      }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.error?.issues).toEqual([{ path: "currentPassword", message: "is incorrect" }]);

    const result = await settle(() =>
      createTestClient(bearer(tokens.accessToken)).auth.changePassword.mutate({
        currentPassword: password,
        newPassword,
      }),
    );
    expect(result.status).toBe(200);
    expect(result.data.endedSessions).toBe(1);
    expect(
      (await settle(() => createTestClient(bearer(tokens.accessToken)).auth.listSessions.query())).status,
    ).toBe(200);
    expect(
      (await settle(() => createTestClient(bearer(other.accessToken)).auth.listSessions.query())).status,
    ).toBe(401);
    await logIn(email, newPassword);
    expect(await outboxEvents("auth.password_changed", userId)).toHaveLength(1);
  });

  it("rejects a weak new password and an anonymous caller", async () => {
    const { tokens } = await newMember("change-bad");
    const weak = await settle(() =>
      createTestClient(bearer(tokens.accessToken)).auth.changePassword.mutate({
        currentPassword: password,
        newPassword: "short",
      }),
    );
    expect(weak.status).toBe(400);
    expect(weak.error?.issues).toEqual([{ path: "newPassword", message: expect.stringMatching(/12/) }]);
    expect(
      (await settle(() => api.auth.changePassword.mutate({ currentPassword: password, newPassword }))).status,
    ).toBe(401);
  });
});
