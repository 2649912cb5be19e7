import { afterEach, assert, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { sql } from "./db.ts";
import { challengeFor, enrolTotp, newMember, totpAt, wrongCode } from "./hardening-support.ts";
import { bearer, createTestClient, settle } from "./harness.ts";

const api = createTestClient();

/** Everything the Worker logs during a test, to prove secrets never reach the logs. */
let logSpies: MockInstance[] = [];
const captured = () =>
  logSpies.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(" "))).join("\n");
beforeEach(() => {
  logSpies = (["log", "info", "warn", "error", "debug"] as const).map((level) => vi.spyOn(console, level));
});
afterEach(() => {
  for (const spy of logSpies) spy.mockRestore();
});

describe("TOTP enrolment, login challenge and recovery codes", () => {
  it("enrols, demands the code at login, refuses wrong and replayed codes, and spends recovery codes once", async () => {
    const member = await newMember("totp");
    const auth = bearer(member.accessToken);
    const asMember = createTestClient(auth);
    expect(await asMember.auth.twoFactor.status.query()).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesRemaining: 0,
    });

    const begun = await asMember.auth.twoFactor.beginEnrolment.mutate();
    expect(begun.secret).toMatch(/^[A-Z2-7]{32}$/); // 20 bytes
    const uri = new URL(begun.otpauthUri);
    expect(decodeURIComponent(uri.pathname)).toBe(`/HomeTrip:${member.email}`);
    expect(uri.searchParams.get("secret")).toBe(begun.secret);
    expect(uri.searchParams.get("issuer")).toBe("HomeTrip");
    expect(begun.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);

    // Nothing after this point may show the secret again.
    const later: string[] = [];
    const track = async <T>(run: () => Promise<T>) => {
      const outcome = await settle(run);
      later.push(JSON.stringify({ data: outcome.data, error: outcome.error }));
      return outcome;
    };
    const trackedData = async <T>(run: () => Promise<T>) => {
      const outcome = await track(run);
      expect(outcome.status, JSON.stringify(outcome.error)).toBe(200);
      return outcome.data;
    };

    // Not yet on: login still signs in directly.
    const early = await trackedData(() =>
      api.auth.logIn.mutate({ email: member.email, password: member.password, tokenDelivery: "body" }),
    );
    expect(early.status).toBe("signed_in");

    const badCode = await wrongCode(begun.secret);
    const bad = await track(() => asMember.auth.twoFactor.confirmEnrolment.mutate({ code: badCode }));
    expect(bad.status).toBe(400);
    const enrolCode = await totpAt(begun.secret);
    const { recoveryCodes } = await trackedData(() =>
      asMember.auth.twoFactor.confirmEnrolment.mutate({ code: enrolCode }),
    );
    expect(recoveryCodes).toHaveLength(10);
    const status = await trackedData(() => asMember.auth.twoFactor.status.query());
    expect(status).toMatchObject({ enabled: true, recoveryCodesRemaining: 10 });
    // A second enrolment while on would replace the secret: refused.
    expect((await track(() => asMember.auth.twoFactor.beginEnrolment.mutate())).status).toBe(409);

    // Password alone is no longer enough.
    const challengeToken = await challengeFor(member);
    // The challenge is not an access token.
    const asAccess = await track(() =>
      createTestClient(bearer(challengeToken)).auth.twoFactor.status.query(),
    );
    expect(asAccess.status).toBe(401);

    const wrongTotp = await wrongCode(begun.secret);
    const wrong = await track(() =>
      api.auth.completeTwoFactor.mutate({ challengeToken, code: wrongTotp, tokenDelivery: "body" }),
    );
    expect(wrong.status).toBe(401);
    expect(wrong.error?.code).toBe("UNAUTHORIZED");

    // The enrolment code's step is spent; the next step's code (inside the ±1 window) signs in.
    const nextCode = await totpAt(begun.secret, 1);
    const signedIn = await trackedData(() =>
      api.auth.completeTwoFactor.mutate({ challengeToken, code: nextCode, tokenDelivery: "body" }),
    );
    expect(signedIn.user.id).toBe(member.userId);
    assert(signedIn.tokens);
    const signedInAuth = bearer(signedIn.tokens.accessToken);
    expect(
      await trackedData(() => createTestClient(signedInAuth).auth.twoFactor.status.query()),
    ).toMatchObject({
      enabled: true,
    });

    // The same challenge cannot sign in twice, and the same code is refused on a fresh challenge.
    const reusedChallenge = await track(() =>
      api.auth.completeTwoFactor.mutate({
        challengeToken,
        recoveryCode: recoveryCodes[0],
        tokenDelivery: "body",
      }),
    );
    expect(reusedChallenge.status).toBe(401);
    const freshChallenge = await challengeFor(member);
    const replay = await track(() =>
      api.auth.completeTwoFactor.mutate({
        challengeToken: freshChallenge,
        code: nextCode,
        tokenDelivery: "body",
      }),
    );
    expect(replay.status).toBe(401);
    const olderChallenge = await challengeFor(member);
    const olderCode = await totpAt(begun.secret);
    const older = await track(() =>
      api.auth.completeTwoFactor.mutate({
        challengeToken: olderChallenge,
        code: olderCode,
        tokenDelivery: "body",
      }),
    );
    expect(older.status).toBe(401);

    // A recovery code works once, in any casing, and only once.
    const recoveryCode = recoveryCodes[3]!;
    const recoveryChallenge = await challengeFor(member);
    const byRecovery = await trackedData(() =>
      api.auth.completeTwoFactor.mutate({
        challengeToken: recoveryChallenge,
        recoveryCode: recoveryCode.toUpperCase(),
        tokenDelivery: "body",
      }),
    );
    expect(byRecovery.status).toBe("signed_in");
    const againChallenge = await challengeFor(member);
    const again = await track(() =>
      api.auth.completeTwoFactor.mutate({
        challengeToken: againChallenge,
        recoveryCode,
        tokenDelivery: "body",
      }),
    );
    expect(again.status).toBe(401);
    expect(await trackedData(() => asMember.auth.twoFactor.status.query())).toMatchObject({
      recoveryCodesRemaining: 9,
    });

    // Cookie delivery for browsers: no tokens in the body, httpOnly cookies instead.
    const browserChallenge = await challengeFor(member);
    const browser = await track(() =>
      api.auth.completeTwoFactor.mutate({ challengeToken: browserChallenge, recoveryCode: recoveryCodes[4] }),
    );
    expect(browser.status, JSON.stringify(browser.error)).toBe(200);
    expect(browser.data.tokens).toBeUndefined();
    // workers-types has no getSetCookie(); get() joins the headers with ", ".
    const cookies = browser.headers.get("set-cookie") ?? "";
    expect(cookies).toMatch(/ht_access=[^;]+;[^,]*HttpOnly/);
    expect(cookies).toMatch(/ht_refresh=[^;]+;[^,]*HttpOnly/);

    for (const text of later) expect(text).not.toContain(begun.secret);
    // The capture works: every request left its access line.
    expect(captured()).toContain('"message":"request"');
    expect(captured()).not.toContain(begun.secret);
    for (const code of recoveryCodes) expect(captured()).not.toContain(code);
    expect(captured()).not.toContain(member.password);

    // At rest: the secret is encrypted and the recovery codes are hashed.
    const [factor] = await sql<{ secret_ciphertext: string }>(
      "select secret_ciphertext from totp_factors where user_id = $1",
      [member.userId],
    );
    expect(factor?.secret_ciphertext).not.toContain(begun.secret);
    const hashes = await sql<{ code_hash: string }>(
      "select code_hash from recovery_codes where user_id = $1",
      [member.userId],
    );
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) {
      expect(code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(recoveryCodes.map((c) => c.replace("-", ""))).not.toContain(code_hash);
    }
  });

  it("rejects a tampered or garbage challenge token", async () => {
    const member = await enrolTotp(await newMember("challenge"));
    const challengeToken = await challengeFor(member);
    const [header, payload, signature] = challengeToken.split(".");
    const claims = JSON.parse(atob(payload!.replaceAll("-", "+").replaceAll("_", "/")));
    const forged = btoa(JSON.stringify({ ...claims, sub: crypto.randomUUID() })).replace(/=+$/, "");
    for (const token of [`${header}.${forged}.${signature}`, "not-a-jwt", member.accessToken]) {
      const result = await settle(() =>
        api.auth.completeTwoFactor.mutate({
          challengeToken: token,
          recoveryCode: member.recoveryCodes[0],
          tokenDelivery: "body",
        }),
      );
      expect(result.status).toBe(401);
    }
  });

  it("needs password and a code to disable, and to regenerate recovery codes", async () => {
    const member = await enrolTotp(await newMember("disable"));
    const asMember = createTestClient(bearer(member.accessToken));
    const disable = (input: Parameters<typeof asMember.auth.twoFactor.disable.mutate>[0]) =>
      settle(() => asMember.auth.twoFactor.disable.mutate(input));

    const noFactor = await disable({ password: member.password });
    expect(noFactor.status).toBe(400);
    expect(noFactor.error?.issues?.map((issue) => issue.path)).toEqual(["code"]);

    // A wrong password is refused without spending the recovery code.
    const wrongPassword = await disable({
      password: `${member.password}x`,
      recoveryCode: member.recoveryCodes[0],
    });
    expect(wrongPassword.status).toBe(403);
    const wrongCodeResult = await disable({
      password: member.password,
      code: await wrongCode(member.secret),
    });
    expect(wrongCodeResult.status).toBe(403);

    const regenerated = await asMember.auth.twoFactor.regenerateRecoveryCodes.mutate({
      password: member.password,
      code: await totpAt(member.secret, 1),
    });
    expect(regenerated.recoveryCodes).toHaveLength(10);
    expect(regenerated.recoveryCodes).not.toContain(member.recoveryCodes[0]);
    // Old codes died with the regeneration.
    const oldCode = await disable({ password: member.password, recoveryCode: member.recoveryCodes[0] });
    expect(oldCode.status).toBe(403);

    await asMember.auth.twoFactor.disable.mutate({
      password: member.password,
      recoveryCode: regenerated.recoveryCodes[0],
    });
    expect(await asMember.auth.twoFactor.status.query()).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesRemaining: 0,
    });
    const login = await api.auth.logIn.mutate({
      email: member.email,
      password: member.password,
      tokenDelivery: "body",
    });
    expect(login.status).toBe("signed_in");
    expect(await sql("select 1 from totp_factors where user_id = $1", [member.userId])).toHaveLength(0);
  });

  it("answers 401 without a session and 400 with field paths for bad codes", async () => {
    expect((await settle(() => api.auth.twoFactor.status.query())).status).toBe(401);
    expect((await settle(() => api.auth.twoFactor.beginEnrolment.mutate())).status).toBe(401);
    const member = await newMember("badinput");
    const asMember = createTestClient(bearer(member.accessToken));
    const bad = await settle(() => asMember.auth.twoFactor.confirmEnrolment.mutate({ code: "12ab" }));
    expect(bad.status).toBe(400);
    expect(bad.error?.issues?.map((issue) => issue.path)).toEqual(["code"]);
    const notStarted = await settle(() =>
      asMember.auth.twoFactor.confirmEnrolment.mutate({ code: "123456" }),
    );
    expect(notStarted.status).toBe(409);
  });
});
