import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import {
  bearer,
  challengeFor,
  dataOf,
  enrolTotp,
  errorOf,
  mutate,
  newMember,
  query,
  sql,
  totpAt,
  wrongCode,
} from "./hardening-support.ts";

type SignedIn = {
  status: "signed_in";
  user: { id: string };
  tokens: { accessToken: string; refreshToken: string };
};

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
    expect(dataOf(await query("auth.twoFactor.status", undefined, auth))).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesRemaining: 0,
    });

    const begun = dataOf<{ otpauthUri: string; secret: string; qrSvg: string }>(
      await mutate("auth.twoFactor.beginEnrolment", undefined, auth),
    );
    expect(begun.secret).toMatch(/^[A-Z2-7]{32}$/); // 20 bytes
    const uri = new URL(begun.otpauthUri);
    expect(decodeURIComponent(uri.pathname)).toBe(`/HomeTrip:${member.email}`);
    expect(uri.searchParams.get("secret")).toBe(begun.secret);
    expect(uri.searchParams.get("issuer")).toBe("HomeTrip");
    expect(begun.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);

    // Nothing after this point may show the secret again.
    const later: string[] = [];
    const track = <T extends { text: string }>(result: T) => {
      later.push(result.text);
      return result;
    };

    // Not yet on: login still signs in directly.
    const early = dataOf<{ status: string }>(
      track(
        await mutate("auth.logIn", { email: member.email, password: member.password, tokenDelivery: "body" }),
      ),
    );
    expect(early.status).toBe("signed_in");

    const bad = track(
      await mutate("auth.twoFactor.confirmEnrolment", { code: await wrongCode(begun.secret) }, auth),
    );
    expect(bad.response.status).toBe(400);
    const { recoveryCodes } = dataOf<{ recoveryCodes: string[] }>(
      track(await mutate("auth.twoFactor.confirmEnrolment", { code: await totpAt(begun.secret) }, auth)),
    );
    expect(recoveryCodes).toHaveLength(10);
    const status = dataOf<{ enabled: boolean; recoveryCodesRemaining: number }>(
      track(await query("auth.twoFactor.status", undefined, auth)),
    );
    expect(status).toMatchObject({ enabled: true, recoveryCodesRemaining: 10 });
    // A second enrolment while on would replace the secret: refused.
    expect(track(await mutate("auth.twoFactor.beginEnrolment", undefined, auth)).response.status).toBe(409);

    // Password alone is no longer enough.
    const challengeToken = await challengeFor(member);
    // The challenge is not an access token.
    const asAccess = track(await query("auth.twoFactor.status", undefined, bearer(challengeToken)));
    expect(asAccess.response.status).toBe(401);

    const wrong = track(
      await mutate("auth.completeTwoFactor", {
        challengeToken,
        code: await wrongCode(begun.secret),
        tokenDelivery: "body",
      }),
    );
    expect(wrong.response.status).toBe(401);
    expect(errorOf(wrong).data.code).toBe("UNAUTHORIZED");

    // The enrolment code's step is spent; the next step's code (inside the ±1 window) signs in.
    const nextCode = await totpAt(begun.secret, 1);
    const signedIn = dataOf<SignedIn>(
      track(
        await mutate("auth.completeTwoFactor", { challengeToken, code: nextCode, tokenDelivery: "body" }),
      ),
    );
    expect(signedIn.user.id).toBe(member.userId);
    expect(
      dataOf(track(await query("auth.twoFactor.status", undefined, bearer(signedIn.tokens.accessToken)))),
    ).toMatchObject({
      enabled: true,
    });

    // The same challenge cannot sign in twice, and the same code is refused on a fresh challenge.
    const reusedChallenge = track(
      await mutate("auth.completeTwoFactor", {
        challengeToken,
        recoveryCode: recoveryCodes[0],
        tokenDelivery: "body",
      }),
    );
    expect(reusedChallenge.response.status).toBe(401);
    const replay = track(
      await mutate("auth.completeTwoFactor", {
        challengeToken: await challengeFor(member),
        code: nextCode,
        tokenDelivery: "body",
      }),
    );
    expect(replay.response.status).toBe(401);
    const older = track(
      await mutate("auth.completeTwoFactor", {
        challengeToken: await challengeFor(member),
        code: await totpAt(begun.secret),
        tokenDelivery: "body",
      }),
    );
    expect(older.response.status).toBe(401);

    // A recovery code works once, in any casing, and only once.
    const recoveryCode = recoveryCodes[3]!;
    const byRecovery = dataOf<SignedIn>(
      track(
        await mutate("auth.completeTwoFactor", {
          challengeToken: await challengeFor(member),
          recoveryCode: recoveryCode.toUpperCase(),
          tokenDelivery: "body",
        }),
      ),
    );
    expect(byRecovery.status).toBe("signed_in");
    const again = track(
      await mutate("auth.completeTwoFactor", {
        challengeToken: await challengeFor(member),
        recoveryCode,
        tokenDelivery: "body",
      }),
    );
    expect(again.response.status).toBe(401);
    expect(dataOf(track(await query("auth.twoFactor.status", undefined, auth)))).toMatchObject({
      recoveryCodesRemaining: 9,
    });

    // Cookie delivery for browsers: no tokens in the body, httpOnly cookies instead.
    const browser = track(
      await mutate("auth.completeTwoFactor", {
        challengeToken: await challengeFor(member),
        recoveryCode: recoveryCodes[4],
      }),
    );
    expect(dataOf<{ tokens?: unknown }>(browser).tokens).toBeUndefined();
    // workers-types has no getSetCookie(); get() joins the headers with ", ".
    const cookies = browser.response.headers.get("set-cookie") ?? "";
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
      const result = await mutate("auth.completeTwoFactor", {
        challengeToken: token,
        recoveryCode: member.recoveryCodes[0],
        tokenDelivery: "body",
      });
      expect(result.response.status).toBe(401);
    }
  });

  it("needs password and a code to disable, and to regenerate recovery codes", async () => {
    const member = await enrolTotp(await newMember("disable"));
    const auth = bearer(member.accessToken);

    const noFactor = await mutate("auth.twoFactor.disable", { password: member.password }, auth);
    expect(noFactor.response.status).toBe(400);
    expect(errorOf(noFactor).data.issues?.map((issue) => issue.path)).toEqual(["code"]);

    // A wrong password is refused without spending the recovery code.
    const wrongPassword = await mutate(
      "auth.twoFactor.disable",
      { password: `${member.password}x`, recoveryCode: member.recoveryCodes[0] },
      auth,
    );
    expect(wrongPassword.response.status).toBe(403);
    const wrongCodeResult = await mutate(
      "auth.twoFactor.disable",
      { password: member.password, code: await wrongCode(member.secret) },
      auth,
    );
    expect(wrongCodeResult.response.status).toBe(403);

    const regenerated = dataOf<{ recoveryCodes: string[] }>(
      await mutate(
        "auth.twoFactor.regenerateRecoveryCodes",
        { password: member.password, code: await totpAt(member.secret, 1) },
        auth,
      ),
    );
    expect(regenerated.recoveryCodes).toHaveLength(10);
    expect(regenerated.recoveryCodes).not.toContain(member.recoveryCodes[0]);
    // Old codes died with the regeneration.
    const oldCode = await mutate(
      "auth.twoFactor.disable",
      { password: member.password, recoveryCode: member.recoveryCodes[0] },
      auth,
    );
    expect(oldCode.response.status).toBe(403);

    dataOf(
      await mutate(
        "auth.twoFactor.disable",
        { password: member.password, recoveryCode: regenerated.recoveryCodes[0] },
        auth,
      ),
    );
    expect(dataOf(await query("auth.twoFactor.status", undefined, auth))).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesRemaining: 0,
    });
    const login = dataOf<{ status: string }>(
      await mutate("auth.logIn", { email: member.email, password: member.password, tokenDelivery: "body" }),
    );
    expect(login.status).toBe("signed_in");
    expect(await sql("select 1 from totp_factors where user_id = $1", [member.userId])).toHaveLength(0);
  });

  it("answers 401 without a session and 400 with field paths for bad codes", async () => {
    expect((await query("auth.twoFactor.status", undefined)).response.status).toBe(401);
    expect((await mutate("auth.twoFactor.beginEnrolment", undefined)).response.status).toBe(401);
    const member = await newMember("badinput");
    const bad = await mutate("auth.twoFactor.confirmEnrolment", { code: "12ab" }, bearer(member.accessToken));
    expect(bad.response.status).toBe(400);
    expect(errorOf(bad).data.issues?.map((issue) => issue.path)).toEqual(["code"]);
    const notStarted = await mutate(
      "auth.twoFactor.confirmEnrolment",
      { code: "123456" },
      bearer(member.accessToken),
    );
    expect(notStarted.response.status).toBe(409);
  });
});
