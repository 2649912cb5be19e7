import { sql } from "./db.ts";
import { createTestClient } from "./harness.ts";

export const password = "a sturdy test passphrase";

export const uniqueEmail = (tag: string) => `${tag}-${crypto.randomUUID()}@example.test`;

export type Tokens = { accessToken: string; refreshToken: string; expiresAt: string };

export async function signUp(email: string, pw = password, displayName = "Test Member") {
  const { userId } = await createTestClient().auth.signUp.mutate({ email, password: pw, displayName });
  return userId;
}

/** Logs in with tokens in the body, as a mobile app or script would. */
export async function logIn(email: string, pw = password): Promise<Tokens> {
  const result = await createTestClient().auth.logIn.mutate({ email, password: pw, tokenDelivery: "body" });
  if (result.status !== "signed_in" || !result.tokens) throw new Error(`log in: ${result.status}`);
  return result.tokens;
}

export async function newMember(tag: string) {
  const email = uniqueEmail(tag);
  const userId = await signUp(email);
  const tokens = await logIn(email);
  return { email, userId, tokens };
}

/** Every Set-Cookie line; workerd has `getSetCookie`, its type declarations do not yet. */
export const setCookieLines = (headers: Headers): string[] =>
  (headers as unknown as { getSetCookie(): string[] }).getSetCookie();

/** Set-Cookie values by cookie name. */
export function setCookies(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of setCookieLines(headers)) {
    const name = line.slice(0, line.indexOf("="));
    out[name] = line;
  }
  return out;
}

export const cookieValue = (setCookie: string | undefined) =>
  setCookie?.split(";")[0]?.split("=").slice(1).join("=");

export async function outboxEvents(type: string, userId: string) {
  return sql<{ id: string; payload: { userId: string; email: string } }>(
    "select id, payload from outbox where event_type = $1 and payload->>'userId' = $2 order by occurred_at",
    [type, userId],
  );
}
