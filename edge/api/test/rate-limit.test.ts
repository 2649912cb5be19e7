import { describe, expect, it } from "vitest";
import { clientIp } from "../src/rate-limit/client-ip.ts";
import { uniqueEmail } from "./auth-helpers.ts";
import { workerAt } from "./clock-support.ts";
import { challengeFor, enrolTotp, newMember, totpAt, uniqueIp, wrongCode } from "./hardening-support.ts";
import { settle } from "./harness.ts";

const fromIp = (ip: string) => ({ "x-forwarded-for": ip });

function expectRetryAfter(response: { headers: Headers }, maxSeconds: number) {
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

describe("login limits", () => {
  it("stops 100 wrong passwords for one account with 429 and Retry-After, then refuses the right one too", async () => {
    const member = await newMember("brute");
    const worker = workerAt();
    const statuses: number[] = [];
    let firstRefusal: { headers: Headers } | undefined;
    for (let attempt = 0; attempt < 100; attempt++) {
      // A new address every time: the per-account limit must hold against a botnet too.
      const password = `wrong-${attempt}-${member.password}`;
      const result = await settle(() =>
        worker.client(fromIp(uniqueIp())).auth.logIn.mutate({
          email: member.email,
          password,
          tokenDelivery: "body",
        }),
      );
      statuses.push(result.status);
      if (result.status === 429 && !firstRefusal) {
        firstRefusal = result;
        expect(result.error?.code).toBe("TOO_MANY_REQUESTS");
      }
    }
    const first429 = statuses.indexOf(429);
    expect(first429).toBeGreaterThan(0);
    expect(first429).toBeLessThan(99);
    expect(statuses.slice(0, first429).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(first429).every((status) => status === 429)).toBe(true);
    expectRetryAfter(firstRefusal!, 15 * 60);

    // Until the window passes, even the correct password (and other casing of the email) is refused.
    for (const email of [member.email, member.email.toUpperCase()]) {
      const correct = await settle(() =>
        worker.client().auth.logIn.mutate({ email, password: member.password, tokenDelivery: "body" }),
      );
      expect(correct.status).toBe(429);
      expectRetryAfter(correct, 15 * 60);
    }
  }, 180_000);

  it("limits one address spraying many accounts, leaving other addresses alone", async () => {
    const worker = workerAt();
    const ip = uniqueIp();
    const statuses: number[] = [];
    // The limit runs before validation, so malformed attempts spend budget too; they also skip the
    // password hash, which keeps this test fast.
    for (let attempt = 0; attempt < 20; attempt++) {
      const { status } = await settle(() =>
        worker.client(fromIp(ip)).auth.logIn.mutate({ email: uniqueEmail("spray"), password: "" }),
      );
      statuses.push(status);
    }
    expect(statuses.every((status) => status === 400)).toBe(true);
    const attempt = {
      email: uniqueEmail("spray"),
      password: "Not-The-Password-1",
      tokenDelivery: "body" as const,
    };
    const refused = await settle(() => worker.client(fromIp(ip)).auth.logIn.mutate(attempt));
    expect(refused.status).toBe(429);
    expectRetryAfter(refused, 15 * 60);
    const elsewhere = await settle(() => worker.client(fromIp(uniqueIp())).auth.logIn.mutate(attempt));
    expect(elsewhere.status).toBe(401);
  }, 60_000);
});

describe("second-factor limits", () => {
  it("gives one challenge five guesses; the sixth is refused even with the right code", async () => {
    const member = await enrolTotp(await newMember("guess"));
    const worker = workerAt();
    const challengeToken = await challengeFor(member);
    const wrong = await wrongCode(member.secret);
    for (let attempt = 0; attempt < 5; attempt++) {
      const { status } = await settle(() =>
        worker.client().auth.completeTwoFactor.mutate({ challengeToken, code: wrong, tokenDelivery: "body" }),
      );
      expect(status).toBe(401);
    }
    const code = await totpAt(member.secret, 1);
    const right = await settle(() =>
      worker.client().auth.completeTwoFactor.mutate({ challengeToken, code, tokenDelivery: "body" }),
    );
    expect(right.status).toBe(429);
    expectRetryAfter(right, 5 * 60);
  });
});

describe("request limits for mails and sign-up", () => {
  it("limits password-reset requests per email, whatever the address asking", async () => {
    const worker = workerAt();
    const email = uniqueEmail("reset");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push(
        (await settle(() => worker.client(fromIp(uniqueIp())).auth.requestPasswordReset.mutate({ email })))
          .status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("limits sign-ups per address", async () => {
    const worker = workerAt();
    const ip = uniqueIp();
    const signUp = () => ({
      email: uniqueEmail("signup"),
      password: `Sign-Up-${crypto.randomUUID()}`,
      displayName: "Spam",
    });
    expect((await settle(() => worker.client(fromIp(ip)).auth.signUp.mutate(signUp()))).status).toBe(200);
    // Malformed sign-ups spend the budget as well (and skip the password hash, keeping this fast).
    for (let attempt = 0; attempt < 9; attempt++) {
      expect(
        (await settle(() => worker.client(fromIp(ip)).auth.signUp.mutate({ ...signUp(), email: "" }))).status,
      ).toBe(400);
    }
    const refused = await settle(() => worker.client(fromIp(ip)).auth.signUp.mutate(signUp()));
    expect(refused.status).toBe(429);
    expectRetryAfter(refused, 60 * 60);
  });
});

describe("general API limit", () => {
  it("answers 429 in tRPC's error shape with Retry-After once an address passes 600 calls a minute", async () => {
    const { call } = workerAt();
    const ip = uniqueIp();
    let last: Response | undefined;
    for (let n = 0; n < 600; n++) {
      last = await call("/trpc/system.version", { headers: fromIp(ip) });
      if (last.status !== 200) break;
    }
    expect(last?.status).toBe(200);
    const single = await call("/trpc/system.version", { headers: fromIp(ip) });
    expect(single.status).toBe(429);
    expectRetryAfter(single, 60);
    expect(await single.json()).toMatchObject({
      error: { data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, path: "system.version" } },
    });
    const batch = await call("/trpc/system.version,system.health?batch=1&input=%7B%7D", {
      headers: fromIp(ip),
    });
    expect(batch.status).toBe(429);
    const body = (await batch.json()) as { error: { data: { path: string } } }[];
    expect(body.map((entry) => entry.error.data.path)).toEqual(["system.version", "system.health"]);
    // Uploads draw on the same budget and answer in the API's own error shape.
    const upload = await call("/users/me/avatar", { method: "PUT", headers: fromIp(ip), body: "x" });
    expect(upload.status).toBe(429);
    expectRetryAfter(upload, 60);
    expect(await upload.json()).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // Another address is unaffected.
    expect((await call("/trpc/system.version", { headers: fromIp(uniqueIp()) })).status).toBe(200);
  }, 60_000);
});

describe("client address", () => {
  it("trusts x-forwarded-for only in development and test", () => {
    const headers = new Headers({
      "cf-connecting-ip": "198.51.100.7",
      "x-forwarded-for": "203.0.113.9, 10.0.0.1",
    });
    expect(clientIp(headers, "production")).toBe("198.51.100.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }), "production")).toBeNull();
    expect(clientIp(headers, "development")).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "cf-connecting-ip": "198.51.100.7" }), "test")).toBe("198.51.100.7");
  });
});
