import { describe, expect, it } from "vitest";
import { fieldIssues } from "../src/errors.ts";
import { call, operatorHeaders } from "./harness.ts";
import {
  callProcedure,
  inputAt,
  inputFieldPaths,
  inputFields,
  type ProcedureInfo,
  procedures,
  schemaAccepts,
} from "./security-support.ts";
import { createMember } from "./users-support.ts";

/**
 * Hostile input on every procedure of the real router. Strings carry a per-run nonce: the auth
 * limits run before validation and are keyed on raw input (an email), and Redis outlives a run.
 */
const nonce = crypto.randomUUID();
const huge = (field: string) => `${field}-${nonce}-${"h".repeat(100_000)}`;

const generic: unknown[] = [
  null,
  0,
  -1.5,
  true,
  `garbage-${nonce}`,
  [],
  [{ nonce }],
  { a: { b: [{ c: { d: [nonce, null, {}, [[]]] } }] } },
];

function perField(procedure: ProcedureInfo): unknown[] {
  const fields = inputFields(procedure);
  const wrong = [12345, null, [`array-${nonce}`], { deep: { deeper: [nonce] } }, true];
  return [
    {},
    ...fields.flatMap((field) => [...wrong.map((value) => ({ [field]: value })), { [field]: huge(field) }]),
    Object.fromEntries(fields.map((field) => [field, { nested: [null, { garbage: nonce }] }])),
  ];
}

/** Per-user limits (e.g. 10 re-authentications per 15 minutes) must not turn a 400 into a 429. */
const inputsPerMember = 8;

async function callerFor(
  procedure: ProcedureInfo,
  index: number,
  cache: Map<number, Record<string, string>>,
) {
  if (procedure.access === "public") return {};
  if (procedure.access === "operator") return operatorHeaders();
  const slot = Math.floor(index / inputsPerMember);
  let headers = cache.get(slot);
  if (!headers) {
    const role = procedure.access === "admin" ? { role: "admin" as const } : {};
    headers = (await createMember("bad-input", role)).auth;
    // Host and admin procedures check the role before reading input: a plain member would get 403, not 400.
    if (procedure.access === "host")
      await call("/trpc/users.becomeHost", {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
      });
    cache.set(slot, headers);
  }
  return headers;
}

const label = (input: unknown) => JSON.stringify(input)?.slice(0, 100) ?? "undefined";

describe("malformed input on every procedure", () => {
  it("finds the procedures to test", () => {
    expect(procedures.length).toBeGreaterThan(20);
    expect(procedures.filter((p) => p.takesInput).length).toBeGreaterThan(10);
    const update = procedures.find((p) => p.path === "listings.update");
    const nested = update ? inputFieldPaths(update).map((path) => path.join(".")) : [];
    expect(nested).toEqual(expect.arrayContaining(["id", "changes.title", "changes.amenities.0"]));
  });

  it.each(procedures.filter((p) => p.takesInput))(
    "$path ($access $type) answers 400 BAD_REQUEST with the schema's field issues, never 500",
    async (procedure) => {
      const callers = new Map<number, Record<string, string>>();
      const inputs = [...generic, ...perField(procedure)];
      let checked = 0;
      for (const [index, input] of inputs.entries()) {
        const result = await callProcedure(procedure, input, await callerFor(procedure, index, callers));
        expect(result.status, `${procedure.path} ${label(input)}`).toBeLessThan(500);
        if (schemaAccepts(procedure, input)) continue;
        checked++;
        expect(result.status, `${procedure.path} ${label(input)}: ${JSON.stringify(result.error)}`).toBe(400);
        expect(result.error?.code).toBe("BAD_REQUEST");
        const issues = result.error?.issues ?? [];
        expect(issues.length, label(input)).toBeGreaterThan(0);
        for (const issue of issues) {
          expect(issue).toEqual({ path: expect.any(String), message: expect.any(String) });
        }
        // Exactly what the procedure's own schema says about this input, field by field.
        const local = (procedure.inputs[0] as { safeParse(v: unknown): { error?: never } }).safeParse(input);
        if (procedure.inputs.length === 1 && local.error) {
          const expected = fieldIssues(local.error as { issues: [] }).map((issue) => issue.path);
          expect(issues.map((issue) => issue.path).sort(), label(input)).toEqual(expected.sort());
        }
      }
      expect(checked).toBeGreaterThan(generic.length - 2);
    },
    120_000,
  );

  it.each(procedures.filter((p) => p.takesInput && inputFieldPaths(p).length > 0))(
    "$path bounds every field, nested ones too: a 100,000-character string is an issue on that field",
    async (procedure) => {
      const callers = new Map<number, Record<string, string>>();
      for (const [index, path] of inputFieldPaths(procedure).entries()) {
        const field = path.join(".");
        const input = inputAt(path, huge(field));
        const result = await callProcedure(procedure, input, await callerFor(procedure, index, callers));
        expect(result.status, `${procedure.path}.${field}`).toBe(400);
        const paths = result.error?.issues?.map((issue) => issue.path) ?? [];
        expect(
          paths.some((path) => path === field || path.startsWith(`${field}.`)),
          `${procedure.path}.${field}: ${paths.join(", ")}`,
        ).toBe(true);
      }
    },
    60_000,
  );

  it.each(procedures.filter((p) => !p.takesInput))(
    "$path takes no input (400 check skipped): garbage input is never a 500",
    async (procedure) => {
      const callers = new Map<number, Record<string, string>>();
      for (const [index, input] of [null, `garbage-${nonce}`, { a: [nonce] }, huge("root")].entries()) {
        const result = await callProcedure(procedure, input, await callerFor(procedure, index, callers));
        expect(result.status, `${procedure.path} ${label(input)}`).toBeLessThan(500);
      }
    },
    60_000,
  );
});

describe("malformed requests to every procedure", () => {
  it("a query sent as POST and a mutation sent as GET are 4xx, never 500", async () => {
    for (const procedure of procedures) {
      const wrong = { ...procedure, type: procedure.type === "query" ? "mutation" : "query" } as const;
      const result = await callProcedure(wrong, undefined);
      expect(result.status, procedure.path).toBeGreaterThanOrEqual(400);
      expect(result.status, procedure.path).toBeLessThan(500);
    }
  });

  it("a body that is not JSON is a 400 on every mutation that reads input (signed in where needed)", async () => {
    for (const procedure of procedures.filter((p) => p.type === "mutation")) {
      const headers = await callerFor(procedure, 0, new Map());
      for (const body of ["{not json", "\u0000\u0001", `"${"x".repeat(10_000)}`]) {
        const response = await call(`/trpc/${procedure.path}`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body,
        });
        // Without an input parser tRPC never reads the body; then the only rule is "not a 500".
        if (procedure.inputs.length > 0) expect(response.status, procedure.path).toBe(400);
        else expect(response.status, procedure.path).toBeLessThan(500);
      }
    }
  });

  it("an ?input= that is not JSON is a 400 on every query that reads input (signed in where needed)", async () => {
    for (const procedure of procedures.filter((p) => p.type === "query")) {
      const headers = await callerFor(procedure, 0, new Map());
      const response = await call(`/trpc/${procedure.path}?input=%7Bnope`, { headers });
      if (procedure.inputs.length > 0) expect(response.status, procedure.path).toBe(400);
      else expect(response.status, procedure.path).toBeLessThan(500);
    }
  });

  it("a batch of every query with garbage inputs answers per call, never 500", async () => {
    const queries = procedures.filter((p) => p.type === "query");
    const inputs = Object.fromEntries(queries.map((_, i) => [i, { nested: [nonce, { x: null }] }]));
    const response = await call(
      `/trpc/${queries.map((p) => p.path).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`,
    );
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as { error?: { data: { httpStatus: number } } }[];
    expect(body).toHaveLength(queries.length);
    for (const entry of body) expect(entry.error?.data.httpStatus ?? 200).toBeLessThan(500);
  });

  it("an unknown procedure is a 404", async () => {
    expect((await call("/trpc/users.deleteEveryone")).status).toBe(404);
    expect((await call("/trpc/__proto__.constructor")).status).toBe(404);
  });
});

describe("malformed requests to the HTTP routes beside tRPC", () => {
  it("answer 4xx or a redirect, never 500", async () => {
    const member = await createMember("bad-http");
    const long = "x".repeat(20_000);
    const requests: [string, RequestInit][] = [
      [`/avatars/${long}`, {}],
      ["/avatars/..%2f..%2fetc%2fpasswd", {}],
      ["/avatars/%00", {}],
      ["/users/me/avatar", { method: "PUT", body: "not an image" }],
      ["/users/me/avatar", { method: "PUT", headers: { "content-type": "image/png" }, body: "garbage" }],
      [
        "/users/me/avatar",
        {
          method: "PUT",
          headers: { ...member.auth, "content-type": "image/png; charset=binary" },
          body: "garbage",
        },
      ],
      ["/users/me/avatar", { method: "PUT", headers: { ...member.auth, "content-type": long }, body: "x" }],
      ["/auth/oauth/%00/start", {}],
      [`/auth/oauth/google/start?redirectTo=${encodeURIComponent(`//evil.example/${long}`)}`, {}],
      ["/auth/oauth/google/callback", {}],
      [`/auth/oauth/google/callback?state=${long}&code=${long}`, { headers: { cookie: `garbage=${long}` } }],
      ["/auth/oauth/github/callback?error=access_denied&state=x", {}],
      ["/auth/oauth/nope/callback?state=x&code=y", {}],
    ];
    for (const [path, init] of requests) {
      const response = await call(path, init);
      expect(response.status, `${init.method ?? "GET"} ${path.slice(0, 60)}`).toBeLessThan(500);
      // A redirect must stay on the web app's origin (no open redirect from garbage).
      const location = response.headers.get("location");
      if (location && !location.includes("/authorize")) {
        expect(new URL(location, "http://x").origin, location).toMatch(/^http:\/\/(x|localhost:3000)$/);
      }
    }
  });
});
