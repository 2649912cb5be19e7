import { base32Decode, hotp, totpStep } from "@hometrip/core";
import { assert, expect } from "vitest";
import { uniqueEmail } from "./auth-helpers.ts";
import { bearer, createTestClient } from "./harness.ts";

/** Helpers for the 2FA, API-key and rate-limit suites: real procedures over the Worker's fetch. */

/**
 * A fresh client address per test: the suite shares one Redis, and counters outlive a run, so a
 * fixed address would find its budget spent. 2001:db8::/32 is the documentation range.
 */
export const uniqueIp = () =>
  `2001:db8::${[0, 0, 0].map(() => Math.floor(Math.random() * 0xffff).toString(16)).join(":")}`;

export type Member = { email: string; password: string; userId: string; accessToken: string };

/** Signs up a new member and logs in, tokens in the body (as a non-browser client would). */
export async function newMember(tag: string): Promise<Member> {
  const email = uniqueEmail(tag);
  const password = `Correct-Horse-${crypto.randomUUID()}`;
  const api = createTestClient();
  const { userId } = await api.auth.signUp.mutate({ email, password, displayName: `Tester ${tag}` });
  const login = await api.auth.logIn.mutate({ email, password, tokenDelivery: "body" });
  expect(login.status).toBe("signed_in");
  assert(login.status === "signed_in" && login.tokens);
  return { email, password, userId, accessToken: login.tokens.accessToken };
}

/** What an authenticator app shows `offset` steps from now. */
export async function totpAt(secretBase32: string, offset = 0, now = new Date()): Promise<string> {
  const secret = base32Decode(secretBase32);
  if (!secret) throw new Error("secret is not base32");
  return hotp(secret, totpStep(now) + offset);
}

/** A 6-digit code that is none of the codes valid around now. */
export async function wrongCode(secretBase32: string): Promise<string> {
  const near = new Set(await Promise.all([-3, -2, -1, 0, 1, 2, 3].map((o) => totpAt(secretBase32, o))));
  let code = "000000";
  for (let n = 0; near.has(code); n++)
    code = String(n * 7919)
      .padStart(6, "0")
      .slice(-6);
  return code;
}

export type Enrolled = Member & { secret: string; recoveryCodes: string[] };

/** Enrols a member in TOTP with the current code; that step is then spent. */
export async function enrolTotp(member: Member): Promise<Enrolled> {
  const api = createTestClient(bearer(member.accessToken));
  const begun = await api.auth.twoFactor.beginEnrolment.mutate();
  const confirmed = await api.auth.twoFactor.confirmEnrolment.mutate({ code: await totpAt(begun.secret) });
  return { ...member, secret: begun.secret, recoveryCodes: confirmed.recoveryCodes };
}

/** Password step of a login for an account with 2FA: returns the challenge token. */
export async function challengeFor(member: Member, headers: Record<string, string> = {}): Promise<string> {
  const login = await createTestClient(headers).auth.logIn.mutate({
    email: member.email,
    password: member.password,
    tokenDelivery: "body",
  });
  expect(login.status).toBe("two_factor_required");
  assert(login.status === "two_factor_required");
  return login.challengeToken;
}
