import { env } from "cloudflare:workers";
import { base32Decode, hotp, totpStep } from "@hometrip/core";
import { createDb } from "@hometrip/db";
import { expect } from "vitest";
import { call } from "./harness.ts";

/** Helpers for the 2FA, API-key and rate-limit suites: real procedures over the Worker's fetch. */

export type TrpcErrorBody = {
  error: {
    message: string;
    data: { code: string; httpStatus: number; path?: string; issues?: { path: string }[] };
  };
};

export const uniqueEmail = (tag: string) => `${tag}-${crypto.randomUUID()}@hardening.example.com`;

/**
 * A fresh client address per test: the suite shares one Redis, and counters outlive a run, so a
 * fixed address would find its budget spent. 2001:db8::/32 is the documentation range.
 */
export const uniqueIp = () =>
  `2001:db8::${[0, 0, 0].map(() => Math.floor(Math.random() * 0xffff).toString(16)).join(":")}`;

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function mutate(path: string, input: unknown, headers: Record<string, string> = {}) {
  const response = await call(`/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(input),
  });
  return { response, text: await response.text() };
}

export async function query(path: string, input: unknown, headers: Record<string, string> = {}) {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await call(`/trpc/${path}${search}`, { headers });
  return { response, text: await response.text() };
}

/** The `result.data` of a successful call, failing the test with the body otherwise. */
export function dataOf<T>(result: { response: Response; text: string }): T {
  expect(result.response.status, result.text).toBe(200);
  return (JSON.parse(result.text) as { result: { data: T } }).result.data;
}

export function errorOf(result: { response: Response; text: string }): TrpcErrorBody["error"] {
  return (JSON.parse(result.text) as TrpcErrorBody).error;
}

export type Member = { email: string; password: string; userId: string; accessToken: string };

/** Signs up a new member and logs in, tokens in the body (as a non-browser client would). */
export async function newMember(tag: string): Promise<Member> {
  const email = uniqueEmail(tag);
  const password = `Correct-Horse-${crypto.randomUUID()}`;
  const { userId } = dataOf<{ userId: string }>(
    await mutate("auth.signUp", { email, password, displayName: `Tester ${tag}` }),
  );
  const login = dataOf<{ status: string; tokens: { accessToken: string } }>(
    await mutate("auth.logIn", { email, password, tokenDelivery: "body" }),
  );
  expect(login.status).toBe("signed_in");
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

/** Reads rows through the same driver and tunnel the Worker uses; one pool per call. */
export async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const { pool } = createDb({ databaseUrl: env.DATABASE_URL ?? "", wsProxy: env.NEON_WS_PROXY });
  pool.on("error", () => {});
  try {
    return (await pool.query(text, params)).rows as T[];
  } finally {
    await pool.end();
  }
}

export type Enrolled = Member & { secret: string; recoveryCodes: string[] };

/** Enrols a member in TOTP with the current code; that step is then spent. */
export async function enrolTotp(member: Member): Promise<Enrolled> {
  const begun = dataOf<{ secret: string }>(
    await mutate("auth.twoFactor.beginEnrolment", undefined, bearer(member.accessToken)),
  );
  const confirmed = dataOf<{ recoveryCodes: string[] }>(
    await mutate(
      "auth.twoFactor.confirmEnrolment",
      { code: await totpAt(begun.secret) },
      bearer(member.accessToken),
    ),
  );
  return { ...member, secret: begun.secret, recoveryCodes: confirmed.recoveryCodes };
}

/** Password step of a login for an account with 2FA: returns the challenge token. */
export async function challengeFor(member: Member, headers: Record<string, string> = {}): Promise<string> {
  const login = dataOf<{ status: string; challengeToken: string }>(
    await mutate(
      "auth.logIn",
      { email: member.email, password: member.password, tokenDelivery: "body" },
      headers,
    ),
  );
  expect(login.status).toBe("two_factor_required");
  return login.challengeToken;
}
