import { describe, expect, it } from "vitest";
import { password, signUp, uniqueEmail } from "./auth-helpers.ts";
import { workerAt } from "./clock-support.ts";
import { uniqueIp } from "./hardening-support.ts";
import { createTestClient, settle } from "./harness.ts";

/**
 * 100 wrong passwords for ONE account from many addresses is rate-limit.test.ts ("stops 100 wrong
 * passwords for one account"). This is the other half: 100 wrong passwords from ONE address,
 * spread over several real accounts so no account reaches its own limit first.
 */
const fromIp = (ip: string) => ({ "x-forwarded-for": ip });

describe("password guessing from one address", () => {
  it("100 wrong passwords over five accounts are stopped by the per-address limit with 429 and Retry-After", async () => {
    const emails: string[] = [];
    for (let n = 0; n < 5; n++) {
      const email = uniqueEmail(`spray-${n}`);
      await signUp(email);
      emails.push(email);
    }
    const worker = workerAt();
    const ip = uniqueIp();
    const statuses: number[] = [];
    const retryAfters: number[] = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      const result = await settle(() =>
        worker.client(fromIp(ip)).auth.logIn.mutate({
          email: emails[attempt % emails.length]!,
          password: `wrong guess ${attempt}`,
          tokenDelivery: "body",
        }),
      );
      statuses.push(result.status);
      if (result.status === 429) {
        expect(result.error?.code).toBe("TOO_MANY_REQUESTS");
        retryAfters.push(Number(result.headers.get("retry-after")));
      }
    }
    const first429 = statuses.indexOf(429);
    expect(first429).toBeGreaterThan(0);
    expect(first429).toBeLessThanOrEqual(20);
    expect(statuses.slice(0, first429).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(first429).every((status) => status === 429)).toBe(true);
    expect(retryAfters.length).toBeGreaterThanOrEqual(80);
    for (const seconds of retryAfters) {
      expect(Number.isInteger(seconds)).toBe(true);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(15 * 60);
    }

    // The address is shut out even with the right password...
    const right = await settle(() =>
      worker.client(fromIp(ip)).auth.logIn.mutate({ email: emails[0]!, password, tokenDelivery: "body" }),
    );
    expect(right.status).toBe(429);
    // ...while the accounts themselves are not locked: from elsewhere the owner gets in.
    const owner = await settle(() =>
      worker.client(fromIp(uniqueIp())).auth.logIn.mutate({
        email: emails[0]!,
        password,
        tokenDelivery: "body",
      }),
    );
    expect(owner.status).toBe(200);
  }, 210_000);

  it("a wrong password and an unknown account get the same answer, so guesses reveal no accounts", async () => {
    const email = uniqueEmail("enumerate");
    await signUp(email);
    const wrong = await settle(() =>
      createTestClient(fromIp(uniqueIp())).auth.logIn.mutate({ email, password: "not the password at all" }),
    );
    const unknown = await settle(() =>
      createTestClient(fromIp(uniqueIp())).auth.logIn.mutate({
        email: uniqueEmail("nobody"),
        password: "not the password at all",
      }),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.error?.message).toBe(wrong.error?.message);
    expect(unknown.error?.code).toBe(wrong.error?.code);
  });
});
