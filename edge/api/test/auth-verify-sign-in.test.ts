import { issueEmailToken } from "@hometrip/core";
import { describe, expect, it } from "vitest";
import {
  bearer,
  cookieValue,
  logIn,
  mutate,
  query,
  setCookies,
  signUp,
  uniqueEmail,
  withDb,
} from "./auth-helpers.ts";

async function verificationToken(tag: string) {
  const email = uniqueEmail(tag);
  const userId = await signUp(email);
  // The worker mints the token when it sends the mail; do what it does.
  const token = await withDb((db) =>
    issueEmailToken(db, { userId, email, purpose: "verify_email", ttlSeconds: 3600, now: new Date() }),
  );
  return { email, userId, token };
}

describe("auth.verifyEmail signs the member in", () => {
  it("starts a session in cookies for a signed-out browser, which users.me then knows", async () => {
    const { userId, token } = await verificationToken("verify-in");
    const result = await mutate<{ ok: true; signedIn: boolean }>("auth.verifyEmail", { token });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ ok: true, signedIn: true });
    const cookies = setCookies(result.headers);
    expect(cookies.ht_access).toBeTruthy();
    expect(cookies.ht_refresh).toBeTruthy();
    const me = await query<{ id: string; emailVerified: boolean }>("users.me", undefined, {
      cookie: `ht_access=${cookieValue(cookies.ht_access)}`,
    });
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({ id: userId, emailVerified: true });
  });

  it("hands the tokens over in the body when asked, as log-in does", async () => {
    const { token } = await verificationToken("verify-body");
    const result = await mutate<{ signedIn: boolean; tokens?: { accessToken: string } }>("auth.verifyEmail", {
      token,
      tokenDelivery: "body",
    });
    expect(result.data.signedIn).toBe(true);
    expect(setCookies(result.headers).ht_access).toBeUndefined();
    const me = await query("users.me", undefined, bearer(result.data.tokens?.accessToken ?? "none"));
    expect(me.status).toBe(200);
  });

  it("leaves a signed-in caller's session as it is", async () => {
    const { email, token } = await verificationToken("verify-signed-in");
    const { accessToken } = await logIn(email);
    const result = await mutate("auth.verifyEmail", { token }, bearer(accessToken));
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ ok: true, signedIn: false });
    expect(setCookies(result.headers).ht_access).toBeUndefined();
  });
});
