import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { maxBatchCalls } from "../src/trpc-wire.ts";
import { callers, expectSafe, inputOf, request, roles, runs, seed, settings } from "./fuzz-support.ts";
import { uniqueIp } from "./hardening-support.ts";
import { call } from "./harness.ts";
import { procedures } from "./security-support.ts";

/** The fuzz suite over tRPC (fuzz-support.ts says what it checks and how to replay it). */

describe(`fuzz: every procedure (seed ${seed}, ${runs} calls each)`, () => {
  it("walks the whole router", () => {
    expect(procedures.length).toBeGreaterThan(40);
  });

  it.each(procedures)(
    "$path ($access $type) never answers 5xx or leaks",
    async (procedure) => {
      const { headers, context } = await callers(procedure.path);
      await fc.assert(
        fc.asyncProperty(inputOf(procedure, context), fc.constantFrom(...roles), async (input, role) => {
          await expectSafe(
            `${role} ${procedure.path} ${JSON.stringify(input)?.slice(0, 200)}`,
            await request(procedure, input, headers[role]),
          );
        }),
        settings(runs),
      );
    },
    120_000,
  );
});

describe(`fuzz: batches (seed ${seed})`, () => {
  let context: Awaited<ReturnType<typeof callers>>;
  beforeAll(async () => {
    context = await callers("batch");
  });

  it.each(["query", "mutation"] as const)(
    "batched %s calls, up to past the limit, answer per call and never 5xx",
    async (type) => {
      const pool = procedures.filter((p) => p.type === type);
      const calls = fc.array(
        fc
          .constantFrom(...pool)
          .chain((procedure) => inputOf(procedure, context.context).map((input) => ({ procedure, input }))),
        { minLength: 1, maxLength: maxBatchCalls + 3 },
      );
      await fc.assert(
        fc.asyncProperty(calls, fc.constantFrom(...roles), async (batch, role) => {
          const path = batch.map((c) => c.procedure.path).join(",");
          const inputs = JSON.stringify(Object.fromEntries(batch.map((c, i) => [i, c.input])));
          const headers = { "x-forwarded-for": uniqueIp(), ...context.headers[role] };
          const response =
            type === "query"
              ? await call(`/trpc/${path}?batch=1&input=${encodeURIComponent(inputs)}`, { headers })
              : await call(`/trpc/${path}?batch=1`, {
                  method: "POST",
                  headers: { ...headers, "content-type": "application/json" },
                  body: inputs,
                });
          if (batch.length > maxBatchCalls) expect(response.status).toBe(400);
          await expectSafe(`${role} batch ${path}`, response);
        }),
        settings(Math.max(8, Math.ceil(runs * 1.5))),
      );
    },
    180_000,
  );
});
