import { issueEmailToken } from "@hometrip/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cookieValue, setCookies, type Tokens, uniqueEmail } from "./auth-helpers.ts";
import { sql, withDatabase } from "./db.ts";
import { totpAt } from "./hardening-support.ts";
import { bearer, call } from "./harness.ts";
import { procedures } from "./security-support.ts";

/**
 * One member's whole account journey through the Worker, with every console line it writes
 * captured (the logger writes JSON lines to console.log; the Worker runs in this isolate). Then:
 * no secret in any log line, and each secret in exactly the response that hands it out.
 */
type Exchange = { step: string; status: number; body: string; headers: [string, string][] };
const exchanges: Exchange[] = [];
const logLines: string[] = [];
/** Secret value → the steps whose response body may carry it (none: it must never leave). */
const secrets = new Map<string, { what: string; allowedIn: string[] }>();
const keep = (what: string, value: string | undefined, allowedIn: string[] = []) => {
  if (!value) throw new Error(`no ${what} to watch for`);
  secrets.set(value, { what, allowedIn });
};

const consoleMethods = ["log", "info", "warn", "error", "debug", "trace"] as const;

async function send<T = Record<string, unknown>>(
  step: string,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
) {
  const type = procedures.find((p) => p.path === path)?.type;
  if (!type) throw new Error(`${path} is not a procedure`);
  const response =
    type === "query"
      ? await call(
          `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
          {
            headers,
          },
        )
      : await call(`/trpc/${path}`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          ...(input !== undefined && { body: JSON.stringify(input) }),
        });
  const body = await response.text();
  exchanges.push({ step, status: response.status, body, headers: [...response.headers] });
  return {
    status: response.status,
    data: (JSON.parse(body) as { result?: { data: T } }).result?.data as T,
    headers: response.headers,
  };
}

async function issue(userId: string, email: string, purpose: "verify_email" | "reset_password") {
  return withDatabase((db) =>
    issueEmailToken(db, { userId, email, purpose, ttlSeconds: 3600, now: new Date() }),
  );
}

let userId = "";

beforeAll(async () => {
  for (const method of consoleMethods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logLines.push(
        args.map((arg) => (typeof arg === "string" ? arg : (JSON.stringify(arg) ?? String(arg)))).join(" "),
      );
    });
  }
  const email = uniqueEmail("secrets");
  const passwords = ["first secret passphrase 1", "second secret passphrase 2", "third secret passphrase 3"];
  for (const [i, pw] of passwords.entries()) keep(`password ${i + 1}`, pw);
  const wrongPassword = "a wrong passphrase guessed 4";
  keep("wrong password", wrongPassword);
  const [pw1, pw2, pw3] = passwords as [string, string, string];

  const signedUp = await send<{ userId: string }>("signUp", "auth.signUp", {
    email,
    password: pw1,
    displayName: "Secretive",
  });
  userId = signedUp.data.userId;
  const verifyToken = await issue(userId, email, "verify_email");
  keep("email verification token", verifyToken);
  expect((await send("verifyEmail", "auth.verifyEmail", { token: verifyToken })).status).toBe(200);

  const login = await send<{ tokens: Tokens }>("logIn body", "auth.logIn", {
    email,
    password: pw1,
    tokenDelivery: "body",
  });
  const t1 = login.data.tokens;
  keep("access token (log-in)", t1.accessToken, ["logIn body"]);
  keep("refresh token (log-in)", t1.refreshToken, ["logIn body"]);
  const auth = bearer(t1.accessToken);

  const cookieLogin = await send("logIn cookie", "auth.logIn", { email, password: pw1 });
  const cookies = setCookies(cookieLogin.headers);
  keep("access cookie", cookieValue(cookies.ht_access));
  keep("refresh cookie", cookieValue(cookies.ht_refresh));

  const begun = await send<{ secret: string; otpauthUri: string }>(
    "beginEnrolment",
    "auth.twoFactor.beginEnrolment",
    undefined,
    auth,
  );
  keep("TOTP secret", begun.data.secret, ["beginEnrolment"]);
  const secret = begun.data.secret;
  const confirmed = await send<{ recoveryCodes: string[] }>(
    "confirmEnrolment",
    "auth.twoFactor.confirmEnrolment",
    { code: await totpAt(secret) },
    auth,
  );
  expect(confirmed.status).toBe(200);
  for (const code of confirmed.data.recoveryCodes) keep("recovery code", code, ["confirmEnrolment"]);
  await send("twoFactor.status", "auth.twoFactor.status", undefined, auth);
  await keepStoredSecrets();

  const challenged = await send<{ challengeToken: string }>("logIn challenge", "auth.logIn", {
    email,
    password: pw1,
    tokenDelivery: "body",
  });
  keep("2FA challenge", challenged.data.challengeToken, ["logIn challenge"]);
  const completed = await send<{ tokens: Tokens }>("completeTwoFactor code", "auth.completeTwoFactor", {
    challengeToken: challenged.data.challengeToken,
    code: await totpAt(secret, 1),
    tokenDelivery: "body",
  });
  expect(completed.status).toBe(200);
  keep("access token (2FA)", completed.data.tokens.accessToken, ["completeTwoFactor code"]);
  keep("refresh token (2FA)", completed.data.tokens.refreshToken, ["completeTwoFactor code"]);
  const wrongCode = await send("completeTwoFactor wrong", "auth.completeTwoFactor", {
    challengeToken: challenged.data.challengeToken,
    recoveryCode: "not-a-recovery-code",
    tokenDelivery: "body",
  });
  expect(wrongCode.status).toBe(401);

  const refreshed = await send<{ tokens: Tokens }>("refresh", "auth.refresh", {
    refreshToken: t1.refreshToken,
    tokenDelivery: "body",
  });
  keep("access token (refresh)", refreshed.data.tokens.accessToken, ["refresh"]);
  keep("refresh token (refresh)", refreshed.data.tokens.refreshToken, ["refresh"]);
  expect(
    (await send("refresh replay", "auth.refresh", { refreshToken: t1.refreshToken, tokenDelivery: "body" }))
      .status,
  ).toBe(401);

  const auth2 = bearer(completed.data.tokens.accessToken);
  const created = await send<{ key: string; prefix: string }>(
    "apiKeys.create",
    "apiKeys.create",
    { name: "Partner", scopes: ["profile:read"] },
    auth2,
  );
  keep("API key", created.data.key, ["apiKeys.create"]);
  keep("API key secret part", created.data.key.slice(created.data.prefix.length + 1), ["apiKeys.create"]);
  expect((await send("me via API key", "users.me", undefined, bearer(created.data.key))).status).toBe(200);
  await send("apiKeys.list", "apiKeys.list", undefined, auth2);

  const regenerated = await send<{ recoveryCodes: string[] }>(
    "regenerateRecoveryCodes",
    "auth.twoFactor.regenerateRecoveryCodes",
    {
      password: pw1,
      recoveryCode: confirmed.data.recoveryCodes[0],
    },
    auth2,
  );
  expect(regenerated.status).toBe(200);
  for (const code of regenerated.data.recoveryCodes) keep("recovery code", code, ["regenerateRecoveryCodes"]);
  await keepStoredSecrets();

  expect((await send("requestPasswordReset", "auth.requestPasswordReset", { email })).status).toBe(200);
  const resetToken = await issue(userId, email, "reset_password");
  keep("password reset token", resetToken);
  expect(
    (await send("resetPassword", "auth.resetPassword", { token: resetToken, newPassword: pw2 })).status,
  ).toBe(200);
  expect((await send("logIn wrong password", "auth.logIn", { email, password: wrongPassword })).status).toBe(
    401,
  );
  expect(
    (await send("logIn bad input", "auth.logIn", { email, password: wrongPassword, tokenDelivery: pw3 }))
      .status,
  ).toBe(400);
  expect(
    (
      await send("signUp weak", "auth.signUp", {
        email: uniqueEmail("weak"),
        password: "short",
        displayName: "x",
      })
    ).status,
  ).toBe(400);

  const again = await send<{ challengeToken: string }>("logIn after reset", "auth.logIn", {
    email,
    password: pw2,
    tokenDelivery: "body",
  });
  keep("2FA challenge", again.data.challengeToken, ["logIn after reset"]);
  const withRecovery = await send<{ tokens: Tokens }>(
    "completeTwoFactor recovery",
    "auth.completeTwoFactor",
    {
      challengeToken: again.data.challengeToken,
      recoveryCode: regenerated.data.recoveryCodes[0],
      tokenDelivery: "body",
    },
  );
  expect(withRecovery.status).toBe(200);
  keep("access token (recovery)", withRecovery.data.tokens.accessToken, ["completeTwoFactor recovery"]);
  keep("refresh token (recovery)", withRecovery.data.tokens.refreshToken, ["completeTwoFactor recovery"]);
  const auth3 = bearer(withRecovery.data.tokens.accessToken);

  expect(
    (await send("changePassword", "auth.changePassword", { currentPassword: pw2, newPassword: pw3 }, auth3))
      .status,
  ).toBe(200);
  expect(
    (
      await send(
        "changePassword wrong",
        "auth.changePassword",
        { currentPassword: wrongPassword, newPassword: pw1 },
        auth3,
      )
    ).status,
  ).toBe(400);
  await send("users.me", "users.me", undefined, auth3);
  expect(
    (
      await send(
        "disable 2FA",
        "auth.twoFactor.disable",
        { password: pw3, recoveryCode: regenerated.data.recoveryCodes[1] },
        auth3,
      )
    ).status,
  ).toBe(200);
  await send("listSessions", "auth.listSessions", undefined, auth3);
  expect((await send("logOut", "auth.logOut", undefined, auth3)).status).toBe(200);
  expect((await send("me after logOut", "users.me", undefined, auth3)).status).toBe(401);
  await keepStoredSecrets();
}, 120_000);

afterAll(() => {
  vi.restoreAllMocks();
});

/** What the database keeps instead of secrets must not leak either: hashes and ciphertexts. */
async function keepStoredSecrets() {
  const rows = await sql(
    `select password_hash as v, 'password hash' as what from credentials where user_id = $1 and password_hash is not null
     union all select t.token_hash, 'refresh token hash' from refresh_tokens t join session_families f on f.id = t.family_id where f.user_id = $1
     union all select token_hash, 'email token hash' from email_tokens where user_id = $1
     union all select secret_ciphertext, 'TOTP ciphertext' from totp_factors where user_id = $1
     union all select code_hash, 'recovery code hash' from recovery_codes where user_id = $1
     union all select key_hash, 'API key hash' from api_keys where user_id = $1`,
    [userId],
  );
  for (const row of rows) keep(String(row.what), String(row.v));
}

describe("secrets in a whole account journey", () => {
  it("the journey ran and its log lines were captured", () => {
    expect(exchanges.length).toBeGreaterThan(25);
    // One access line per request at least: the capture works.
    expect(logLines.filter((line) => line.includes('"message":"request"')).length).toBeGreaterThanOrEqual(
      exchanges.length,
    );
    expect(secrets.size).toBeGreaterThan(30);
  });

  it("no log line holds a password, token, key, TOTP secret, recovery code, email token or any of their hashes", () => {
    const leaks: string[] = [];
    for (const line of logLines) {
      for (const [value, { what }] of secrets)
        if (line.includes(value)) leaks.push(`${what} in: ${line.slice(0, 200)}`);
      if (/\$argon2/.test(line)) leaks.push(`a password hash in: ${line.slice(0, 200)}`);
    }
    expect(leaks).toEqual([]);
  });

  it("each secret appears only in the body of the response that hands it out, never in a header but Set-Cookie", () => {
    const leaks: string[] = [];
    for (const exchange of exchanges) {
      for (const [value, { what, allowedIn }] of secrets) {
        if (exchange.body.includes(value) && !allowedIn.includes(exchange.step))
          leaks.push(`${what} in the body of ${exchange.step}`);
        for (const [name, headerValue] of exchange.headers) {
          if (name.toLowerCase() !== "set-cookie" && headerValue.includes(value))
            leaks.push(`${what} in ${name} of ${exchange.step}`);
        }
      }
      if (/\$argon2/.test(exchange.body)) leaks.push(`a password hash in ${exchange.step}`);
    }
    expect(leaks).toEqual([]);
  });

  it("cookies carry only the session's own tokens, and only from the steps that sign in, refresh or sign out", () => {
    for (const exchange of exchanges) {
      const cookies = exchange.headers
        .filter(([name]) => name.toLowerCase() === "set-cookie")
        .map(([, v]) => v);
      for (const cookie of cookies) {
        expect(cookie, exchange.step).toMatch(/^ht_(access|refresh)=/);
        for (const [value, { what }] of secrets) {
          if (cookie.includes(value))
            expect(what, exchange.step).toMatch(/cookie|access token|refresh token/);
        }
      }
    }
  });

  it("the TOTP secret is in beginEnrolment only; the API key in create only; recovery codes where issued", () => {
    const hits = (pattern: RegExp) =>
      [...secrets]
        .filter(([, s]) => pattern.test(s.what))
        .flatMap(([value]) => exchanges.filter((e) => e.body.includes(value)).map((e) => e.step));
    expect([...new Set(hits(/^TOTP secret$/))]).toEqual(["beginEnrolment"]);
    expect([...new Set(hits(/^API key/))]).toEqual(["apiKeys.create"]);
    expect([...new Set(hits(/^recovery code$/))].sort()).toEqual([
      "confirmEnrolment",
      "regenerateRecoveryCodes",
    ]);
  });
});
