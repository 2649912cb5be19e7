import { describe, expect, it } from "vitest";
import { newMember, uniqueEmail } from "./auth-helpers.ts";
import { bearer } from "./harness.ts";
import { callProcedure } from "./security-support.ts";

/**
 * Every auth procedure this file covers, with inputs a careless or hostile client might send.
 * Emails are unique: per-account limits count before validation and Redis outlives a run.
 */
const cases: { path: string; kind: "mutation" | "query"; session?: boolean; inputs: unknown[] }[] = [
  {
    path: "auth.signUp",
    kind: "mutation",
    inputs: [
      null,
      "x",
      [],
      {},
      { email: 1, password: true, displayName: {} },
      { email: "a@b.c".repeat(100) },
    ],
  },
  {
    path: "auth.requestEmailVerification",
    kind: "mutation",
    inputs: ["x", { email: `nope-${crypto.randomUUID()}` }, { email: 5 }],
  },
  {
    path: "auth.verifyEmail",
    kind: "mutation",
    inputs: [null, {}, { token: "" }, { token: "t".repeat(10_000) }],
  },
  {
    path: "auth.logIn",
    kind: "mutation",
    inputs: [
      null,
      {},
      { email: uniqueEmail("bad") },
      { email: uniqueEmail("bad"), password: ["x"] },
      { email: uniqueEmail("bad"), password: "x", tokenDelivery: 1 },
    ],
  },
  {
    path: "auth.refresh",
    kind: "mutation",
    inputs: ["x", { refreshToken: "" }, { refreshToken: "r".repeat(600) }],
  },
  { path: "auth.logOut", kind: "mutation", inputs: ["x", { refreshToken: 7 }] },
  {
    path: "auth.requestPasswordReset",
    kind: "mutation",
    inputs: [null, {}, { email: "" }, { email: `${crypto.randomUUID()}@` }],
  },
  {
    path: "auth.resetPassword",
    kind: "mutation",
    inputs: [{}, { token: "t" }, { token: "t", newPassword: 123 }],
  },
  {
    path: "auth.changePassword",
    kind: "mutation",
    session: true,
    inputs: [
      null,
      {},
      { currentPassword: "", newPassword: "a sturdy new passphrase" },
      { currentPassword: "x", newPassword: "" },
    ],
  },
  {
    path: "auth.revokeSession",
    kind: "mutation",
    session: true,
    inputs: [null, {}, { sessionId: 12 }, { sessionId: "abc" }],
  },
];

describe("bad input on auth procedures", () => {
  it.each(cases)(
    "$path answers 400 with field issues, never 500",
    async ({ path, kind, session, inputs }) => {
      const headers = session ? bearer((await newMember("bad-input")).tokens.accessToken) : {};
      for (const input of inputs) {
        const result = await callProcedure({ path, type: kind }, input, headers);
        expect(result.status, `${path} ${JSON.stringify(input)?.slice(0, 80)}`).toBe(400);
        expect(result.error?.code).toBe("BAD_REQUEST");
        expect(result.error?.issues?.length).toBeGreaterThan(0);
      }
    },
  );

  it("a body that is not JSON is a 400, not a 500", async () => {
    const { call } = await import("./harness.ts");
    const response = await call("/trpc/auth.logIn", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
  });
});
