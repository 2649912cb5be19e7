import { env } from "cloudflare:workers";
import fc from "fast-check";
import { expect } from "vitest";
import { insertListing } from "./calendar-support.ts";
import { sql } from "./db.ts";
import { arbitraryFor, type FuzzContext, hostileValue } from "./fuzz-arbitraries.ts";
import { uniqueIp } from "./hardening-support.ts";
import { call } from "./harness.ts";
import type { ProcedureInfo } from "./security-support.ts";
import { createMember, type Member } from "./users-support.ts";
import { withoutRefusedParts } from "./zod-walk.ts";

/**
 * The hostile client of issue 8 §4, kept in the suite (fuzz.test.ts, fuzz-routes.test.ts): every
 * procedure is called with inputs derived from its own zod schema (mixed with hostile strings, numbers and dates) as an anonymous guest, a
 * member and a host; batches and the HTTP routes beside tRPC get hostile paths and oversized or
 * chunked bodies. Any 5xx, stack trace, SQL text or configured secret in an answer fails the run.
 * The seed is fixed so CI is repeatable, and is in each test's name: `FUZZ_SEED=<seed>` replays a
 * failure, `FUZZ_RUNS=<n>` searches longer (default 25 calls per procedure).
 */
export const runs = Number(env.FUZZ_RUNS) > 0 ? Number(env.FUZZ_RUNS) : 25;
export const seed = env.FUZZ_SEED ? Number(env.FUZZ_SEED) : 20_260_804;
export const settings = (numRuns: number) => ({ seed, numRuns, endOnFailure: true, verbose: 1 as const });

const secretValues = (): string[] => {
  const bindings = env as unknown as Record<string, string | undefined>;
  const values = [
    "ADMIN_API_TOKEN",
    "TOTP_ENCRYPTION_KEY",
    "UNSUBSCRIBE_SIGNING_KEY",
    "QSTASH_TOKEN",
    "UPSTASH_REDIS_REST_TOKEN",
    "DATABASE_URL",
  ]
    .map((name) => bindings[name] ?? "")
    .concat(
      String(bindings.JWT_SIGNING_KEYS ?? "")
        .split(",")
        .map((pair) => pair.split(":")[1] ?? ""),
    );
  return values.filter((value) => value.length >= 8);
};

const leakPatterns: [string, RegExp][] = [
  ["a stack trace", /\n\s+at \S+ \(|\bat async\b/],
  [
    "SQL",
    /Failed query|SQLSTATE|syntax error at or near|violates .* constraint|duplicate key value|invalid input syntax for/i,
  ],
];

/** What an answer must never be: a 5xx, or carry a stack trace, SQL or a secret. */
export function problemsWith(status: number, text: string): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`status ${status}`);
  for (const [what, pattern] of leakPatterns) if (pattern.test(text)) problems.push(what);
  for (const secret of secretValues()) if (text.includes(secret)) problems.push("a configured secret");
  // A batch answers 200 or 207 with one entry per call; each entry keeps its own status.
  for (const match of text.matchAll(/"httpStatus":(\d{3})/g)) {
    if (Number(match[1]) >= 500) problems.push(`a call answered ${match[1]}`);
  }
  return problems;
}

export async function expectSafe(label: string, response: Response) {
  const text = await response.text();
  const problems = problemsWith(response.status, text);
  expect(problems, `${label} → ${response.status} ${text.slice(0, 300)}`).toEqual([]);
}

export const roles = ["anonymous", "member", "host"] as const;
export type Role = (typeof roles)[number];

/** Fresh callers per procedure, so one that ends sessions or changes passwords spoils nothing else. */
export async function callers(
  tag: string,
): Promise<{ headers: Record<Role, Record<string, string>>; context: FuzzContext }> {
  const member = await createMember(`fuzz-${tag}-member`);
  const host: Member = await createMember(`fuzz-${tag}-host`);
  await sql("insert into host_profiles (user_id) values ($1)", [host.userId]);
  const published = await insertListing(host.userId, "published", "Europe/Lisbon");
  const draft = await insertListing(host.userId, "draft");
  return {
    headers: { anonymous: {}, member: member.auth, host: host.auth },
    context: { knownIds: [published, draft, member.userId, host.userId] },
  };
}

export function request(
  procedure: Pick<ProcedureInfo, "path" | "type">,
  input: unknown,
  headers: Record<string, string>,
) {
  const from = { "x-forwarded-for": uniqueIp(), ...headers };
  if (procedure.type === "query") {
    const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return call(`/trpc/${procedure.path}${query}`, { headers: from });
  }
  return call(`/trpc/${procedure.path}`, {
    method: "POST",
    headers: { ...from, "content-type": "application/json" },
    ...(input !== undefined && { body: JSON.stringify(input) }),
  });
}

/** Half the inputs as generated, half with what the schema refuses taken out (to reach deeper). */
export function inputOf(procedure: ProcedureInfo, context: FuzzContext): fc.Arbitrary<unknown> {
  if (!procedure.takesInput) return fc.oneof(fc.constant(undefined), hostileValue);
  const schema = procedure.inputs[0] as never;
  return fc
    .tuple(arbitraryFor(schema, context), fc.boolean())
    .map(([input, repair]) => (repair ? withoutRefusedParts(schema, input) : input));
}
