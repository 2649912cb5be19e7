import { issueEmailToken } from "@hometrip/core";
import { describe, expect, it } from "vitest";
import {
  bearer,
  logIn,
  mutate,
  newMember,
  outboxEvents,
  password,
  query,
  signUp,
  uniqueEmail,
  withDb,
} from "./auth-helpers.ts";

const newPassword = "a brand new passphrase";

function resetToken(userId: string, email: string, now = new Date()) {
  return withDb((db) =>
    issueEmailToken(db, { userId, email, purpose: "reset_password", ttlSeconds: 3600, now }),
  );
}

describe("auth.requestPasswordReset", () => {
  it("records a reset mail for an existing account", async () => {
    const email = uniqueEmail("forgot");
    const userId = await signUp(email);
    const result = await mutate("auth.requestPasswordReset", { email: email.toUpperCase() });
    expect(result.status).toBe(200);
    expect((await outboxEvents("auth.password_reset_requested", userId)).map((e) => e.payload)).toEqual([
      { userId, email },
    ]);
  });

  it("answers exactly the same for an unknown address", async () => {
    const known = await mutate("auth.requestPasswordReset", { email: (await newMember("known")).email });
    const unknown = await mutate("auth.requestPasswordReset", { email: uniqueEmail("unknown") });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
  });

  it("stops an address after 5 requests an hour with 429 and Retry-After", async () => {
    const email = uniqueEmail("flood");
    for (let i = 0; i < 5; i++)
      expect((await mutate("auth.requestPasswordReset", { email })).status).toBe(200);
    const limited = await mutate("auth.requestPasswordReset", { email });
    expect(limited.status).toBe(429);
    expect(limited.body.error?.data.code).toBe("TOO_MANY_REQUESTS");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("auth.resetPassword", () => {
  it("sets the new password, ends every session and mails a notice", async () => {
    const { email, userId, tokens } = await newMember("reset");
    const token = await resetToken(userId, email);
    const result = await mutate("auth.resetPassword", { token, newPassword });
    expect(result.status).toBe(200);

    expect((await query("auth.listSessions", undefined, bearer(tokens.accessToken))).status).toBe(401);
    expect((await mutate("auth.refresh", { refreshToken: tokens.refreshToken })).status).toBe(401);
    expect((await mutate("auth.logIn", { email, password })).status).toBe(401);
    await logIn(email, newPassword);
    expect(await outboxEvents("auth.password_changed", userId)).toHaveLength(1);

    const again = await mutate("auth.resetPassword", { token, newPassword: "yet another passphrase" });
    expect(again.status).toBe(400);
    expect(again.body.error?.data.issues).toEqual([{ path: "token", message: "is invalid or has expired" }]);
  });

  it("refuses an expired token, a verification token, and a weak password", async () => {
    const email = uniqueEmail("reset-bad");
    const userId = await signUp(email);
    const expired = await resetToken(userId, email, new Date(Date.now() - 7200_000));
    expect((await mutate("auth.resetPassword", { token: expired, newPassword })).status).toBe(400);
    const verify = await withDb((db) =>
      issueEmailToken(db, { userId, email, purpose: "verify_email", ttlSeconds: 3600, now: new Date() }),
    );
    expect((await mutate("auth.resetPassword", { token: verify, newPassword })).status).toBe(400);

    const valid = await resetToken(userId, email);
    const weak = await mutate("auth.resetPassword", { token: valid, newPassword: "password1234" });
    expect(weak.status).toBe(400);
    expect(weak.body.error?.data.issues?.[0]?.path).toBe("newPassword");
    // The weak attempt did not spend the link.
    expect((await mutate("auth.resetPassword", { token: valid, newPassword })).status).toBe(200);
  });
});

describe("auth.changePassword", () => {
  it("needs the current password, keeps this session and ends the others", async () => {
    const { email, userId, tokens } = await newMember("change");
    const other = await logIn(email);

    const wrong = await mutate(
      "auth.changePassword",
      { currentPassword: "not my password!!", newPassword },
      bearer(tokens.accessToken),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.data.issues).toEqual([{ path: "currentPassword", message: "is incorrect" }]);

    const result = await mutate<{ endedSessions: number }>(
      "auth.changePassword",
      { currentPassword: password, newPassword },
      bearer(tokens.accessToken),
    );
    expect(result.status).toBe(200);
    expect(result.data.endedSessions).toBe(1);
    expect((await query("auth.listSessions", undefined, bearer(tokens.accessToken))).status).toBe(200);
    expect((await query("auth.listSessions", undefined, bearer(other.accessToken))).status).toBe(401);
    await logIn(email, newPassword);
    expect(await outboxEvents("auth.password_changed", userId)).toHaveLength(1);
  });

  it("rejects a weak new password and an anonymous caller", async () => {
    const { tokens } = await newMember("change-bad");
    const weak = await mutate(
      "auth.changePassword",
      { currentPassword: password, newPassword: "short" },
      bearer(tokens.accessToken),
    );
    expect(weak.status).toBe(400);
    expect(weak.body.error?.data.issues).toEqual([
      { path: "newPassword", message: expect.stringMatching(/12/) },
    ]);
    expect((await mutate("auth.changePassword", { currentPassword: password, newPassword })).status).toBe(
      401,
    );
  });
});
