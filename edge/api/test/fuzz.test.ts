import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { maxBatchCalls } from "../src/trpc-wire.ts";
import { insertListing } from "./calendar-support.ts";
import {
  arbitraryFor,
  type FuzzContext,
  hostileStrings,
  hostileValue,
  withoutRefusedParts,
} from "./fuzz-arbitraries.ts";
import { uniqueIp } from "./hardening-support.ts";
import { call } from "./harness.ts";
import { photos } from "./listings-support.ts";
import { type ProcedureInfo, procedures } from "./security-support.ts";
import { createMember, type Member, sqlRows } from "./users-support.ts";

/**
 * The hostile client of issue 8 §4, kept in the suite: every procedure is called with inputs derived
 * from its own zod schema (mixed with hostile strings, numbers and dates) as an anonymous guest, a
 * member and a host; batches and the HTTP routes beside tRPC get hostile paths and oversized or
 * chunked bodies. Any 5xx, stack trace, SQL text or configured secret in an answer fails the run.
 * The seed is fixed so CI is repeatable, and is in each test's name: `FUZZ_SEED=<seed>` replays a
 * failure, `FUZZ_RUNS=<n>` searches longer (default 25 calls per procedure).
 */
const runs = Number(env.FUZZ_RUNS) > 0 ? Number(env.FUZZ_RUNS) : 25;
const seed = env.FUZZ_SEED ? Number(env.FUZZ_SEED) : 20_260_804;
const settings = (numRuns: number) => ({ seed, numRuns, endOnFailure: true, verbose: 1 as const });

const secretValues = (): string[] => {
  const bindings = env as unknown as Record<string, string | undefined>;
  const values = [
    "ADMIN_API_TOKEN",
    "TOTP_ENCRYPTION_KEY",
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
function problemsWith(status: number, text: string): string[] {
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

async function expectSafe(label: string, response: Response) {
  const text = await response.text();
  const problems = problemsWith(response.status, text);
  expect(problems, `${label} → ${response.status} ${text.slice(0, 300)}`).toEqual([]);
}

const roles = ["anonymous", "member", "host"] as const;
type Role = (typeof roles)[number];

/** Fresh callers per procedure, so one that ends sessions or changes passwords spoils nothing else. */
async function callers(
  tag: string,
): Promise<{ headers: Record<Role, Record<string, string>>; context: FuzzContext }> {
  const member = await createMember(`fuzz-${tag}-member`);
  const host: Member = await createMember(`fuzz-${tag}-host`);
  await sqlRows("insert into host_profiles (user_id) values ($1)", [host.userId]);
  const published = await insertListing(host.userId, "published", "Europe/Lisbon");
  const draft = await insertListing(host.userId, "draft");
  return {
    headers: { anonymous: {}, member: member.auth, host: host.auth },
    context: { knownIds: [published, draft, member.userId, host.userId] },
  };
}

function request(
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
function inputOf(procedure: ProcedureInfo, context: FuzzContext): fc.Arbitrary<unknown> {
  if (!procedure.takesInput) return fc.oneof(fc.constant(undefined), hostileValue);
  const schema = procedure.inputs[0] as never;
  return fc
    .tuple(arbitraryFor(schema, context), fc.boolean())
    .map(([input, repair]) => (repair ? withoutRefusedParts(schema, input) : input));
}

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

/** Percent-encoded; a lone surrogate, which has no UTF-8, goes out as the bytes a careless encoder writes. */
const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
};

const segment = fc.oneof(
  fc.constantFrom(...hostileStrings.filter((s) => s.length < 1_000)).map(encode),
  fc.string({ maxLength: 30 }).map(encode),
  fc.uuid(),
  fc.constant("%E0%A4%A"),
  fc.constant("..%2F..%2Fetc%2Fpasswd"),
);

/** Bodies an upload route must refuse cleanly: garbage, a header lying about its size, oversized ones. */
function bodyFor(kind: string): { body?: BodyInit; headers?: Record<string, string>; duplex?: "half" } {
  const oversized = 2 * 1024 * 1024 + 1;
  switch (kind) {
    case "png":
      return { body: photos.png(640, 480), headers: { "content-type": "image/png" } };
    case "huge-png-header":
      return { body: photos.png(2 ** 31, 2 ** 31), headers: { "content-type": "image/png" } };
    case "oversized":
      return { body: new Uint8Array(oversized), headers: { "content-type": "image/png" } };
    case "chunked": {
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= oversized * 2) return controller.close();
          sent += 256 * 1024;
          controller.enqueue(new Uint8Array(256 * 1024).fill(0x89));
        },
      });
      return { body: stream, headers: { "content-type": "image/webp" }, duplex: "half" };
    }
    case "json":
      return { body: JSON.stringify({ a: hostileStrings }), headers: { "content-type": "application/json" } };
    default:
      return {};
  }
}

describe(`fuzz: HTTP routes (seed ${seed})`, () => {
  let context: Awaited<ReturnType<typeof callers>>;
  beforeAll(async () => {
    context = await callers("routes");
  });

  it("hostile paths, methods, queries and bodies on every route never answer 5xx or leak, and the next request is served", async () => {
    const listingId = fc.oneof(fc.constantFrom(...context.context.knownIds), segment);
    const route = fc.oneof(
      fc.constant("/health"),
      fc.constant("/users/me/avatar"),
      segment.map((s) => `/avatars/${s}`),
      listingId.map((id) => `/listings/${id}/photos`),
      segment.map((s) => `/listing-photos/${s}`),
      fc.tuple(listingId, segment).map(([id, s]) => `/ical/${id}/${s}.ics`),
      fc
        .tuple(fc.constantFrom("google", "github", "x"), segment)
        .map(([p, s]) => `/auth/oauth/${p}/start?redirectTo=${s}`),
      fc
        .tuple(fc.constantFrom("google", "github"), segment, segment)
        .map(([p, c, s]) => `/auth/oauth/${p}/callback?code=${c}&state=${s}`),
      segment.map((s) => `/trpc/${s}`),
      segment.map((s) => `/${s}`),
    );
    const method = fc.constantFrom("GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD");
    const body = fc.constantFrom("none", "png", "huge-png-header", "oversized", "chunked", "json");
    await fc.assert(
      fc.asyncProperty(
        route,
        method,
        body,
        fc.constantFrom(...roles),
        hostileValue,
        async (path, verb, kind, role, extra) => {
          const withBody = verb !== "GET" && verb !== "HEAD" ? bodyFor(kind) : {};
          const headers = {
            "x-forwarded-for": uniqueIp(),
            ...context.headers[role],
            ...withBody.headers,
            "x-fuzz": encode(String(extra)).slice(0, 200),
          };
          const response = await call(path, { method: verb, ...withBody, headers } as RequestInit);
          await expectSafe(`${role} ${verb} ${path} (${kind})`, response);
          const next = await call("/health");
          expect(next.status, `the request after ${verb} ${path}`).toBeLessThan(500);
        },
      ),
      settings(Math.max(20, runs * 4)),
    );
  }, 180_000);
});
