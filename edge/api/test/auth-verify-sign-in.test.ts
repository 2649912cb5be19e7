import { issueEmailToken } from "@hometrip/core";
import { describe, expect, it } from "vitest";
import { cookieValue, logIn, setCookies, signUp, uniqueEmail } from "./auth-helpers.ts";
import { withDatabase } from "./db.ts";
import { bearer, createTestClient, settle } from "./harness.ts";

async function verificationToken(tag: string) {
  const email = uniqueEmail(tag);
  const userId = await signUp(email);
  // The worker mints the token when it sends the mail; do what it does.
  const token = await withDatabase((db) =>
    issueEmailToken(db, { userId, email, purpose: "verify_email", ttlSeconds: 3600, now: new Date() }),
  );
  return { email, userId, token };
}

describe("auth.verifyEmail signs the member in", () => {
  it("starts a session in cookies for a signed-out browser, which users.me then knows", async () => {
    const { userId, token } = await verificationToken("verify-in");
    const result = await settle(() => createTestClient().auth.verifyEmail.mutate({ token }));
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ ok: true, signedIn: true });
    const cookies = setCookies(result.headers);
    expect(cookies.ht_access).toBeTruthy();
    expect(cookies.ht_refresh).toBeTruthy();
    const me = await settle(() =>
      createTestClient({ cookie: `ht_access=${cookieValue(cookies.ht_access)}` }).users.me.query(),
    );
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({ id: userId, emailVerified: true });
  });

  it("hands the tokens over in the body when asked, as log-in does", async () => {
    const { token } = await verificationToken("verify-body");
    const result = await settle(() =>
      createTestClient().auth.verifyEmail.mutate({ token, tokenDelivery: "body" }),
    );
    expect(result.data.signedIn).toBe(true);
    expect(setCookies(result.headers).ht_access).toBeUndefined();
    const accessToken = result.data.tokens?.accessToken ?? "none";
    const me = await settle(() => createTestClient(bearer(accessToken)).users.me.query());
    expect(me.status).toBe(200);
  });

  it("leaves a signed-in caller's session as it is", async () => {
    const { email, token } = await verificationToken("verify-signed-in");
    const { accessToken } = await logIn(email);
    const result = await settle(() =>
      createTestClient(bearer(accessToken)).auth.verifyEmail.mutate({ token }),
    );
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ ok: true, signedIn: false });
    expect(setCookies(result.headers).ht_access).toBeUndefined();
  });
});
