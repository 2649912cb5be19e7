import { issueEmailToken } from "@hometrip/core";
import { getUntypedClient } from "@trpc/client";
import type { AnyProcedure } from "@trpc/server";
import { appRouter } from "../src/router.ts";
import {
  adminProcedure,
  authedProcedure,
  hostProcedure,
  operatorProcedure,
  publicProcedure,
  sessionProcedure,
} from "../src/trpc.ts";
import { logIn, password, signUp, type Tokens, uniqueEmail } from "./auth-helpers.ts";
import { withDatabase } from "./db.ts";
import { bearer, createTestClient, type Outcome, settle } from "./harness.ts";

/**
 * The security suites walk the real router, so a procedure added later is covered without
 * touching them. Who may call a procedure is read from the base procedure it was built on: each
 * base adds its own middleware function, and a derived procedure carries the very same function.
 */
export type Access = "public" | "operator" | "authed" | "session" | "host" | "admin";

export type ProcedureInfo = {
  path: string;
  type: "query" | "mutation";
  access: Access;
  /** `meta.scope`: the API-key scope that opens an `authed` procedure to partner keys. */
  scope: string | undefined;
  /** The input parsers; empty (or a lone z.void()) when the procedure takes no input. */
  inputs: unknown[];
  takesInput: boolean;
};

type Def = { middlewares: unknown[]; inputs: unknown[]; meta?: { scope?: string }; type: string };
const defOf = (value: unknown) => (value as { _def: Def })._def;
const marker = (builder: unknown) => defOf(builder).middlewares.at(-1);

// Most specific first: host and admin also carry authed's marker.
const markers: [Access, unknown][] = [
  ["admin", marker(adminProcedure)],
  ["host", marker(hostProcedure)],
  ["session", marker(sessionProcedure)],
  ["authed", marker(authedProcedure)],
  ["operator", marker(operatorProcedure)],
  ["public", marker(publicProcedure)],
];

const isVoid = (schema: unknown) =>
  (schema as { _zod?: { def?: { type?: string } } })._zod?.def?.type === "void";

// `_def.procedures` is flat at runtime: "auth.twoFactor.status" → procedure.
export const procedures: ProcedureInfo[] = Object.entries(
  appRouter._def.procedures as unknown as Record<string, AnyProcedure>,
)
  .map(([path, procedure]): ProcedureInfo => {
    const def = defOf(procedure);
    const access = markers.find(([, mw]) => def.middlewares.includes(mw))?.[0];
    if (!access) throw new Error(`${path} is built on no known base procedure`);
    const type = def.type;
    if (type !== "query" && type !== "mutation") throw new Error(`${path}: ${type}`);
    return {
      path,
      type,
      access,
      scope: def.meta?.scope,
      inputs: def.inputs,
      takesInput: def.inputs.length > 0 && !def.inputs.every(isVoid),
    };
  })
  .sort((a, b) => a.path.localeCompare(b.path));

/**
 * Calls a procedure found by walking the router through the test client (untyped, since the path
 * is data): GET with `?input=` or POST with a JSON body, as its type demands.
 */
export function callProcedure(
  procedure: Pick<ProcedureInfo, "path" | "type">,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<Outcome<unknown>> {
  const client = getUntypedClient(createTestClient(headers));
  return settle(() =>
    procedure.type === "query" ? client.query(procedure.path, input) : client.mutation(procedure.path, input),
  );
}

/** Whether the procedure's own schemas accept `input` (so a 400 is not what to expect). */
export function schemaAccepts(procedure: ProcedureInfo, input: unknown): boolean {
  return procedure.inputs.every(
    (parser) => (parser as { safeParse(v: unknown): { success: boolean } }).safeParse(input).success,
  );
}

/** The field names of an object input (through optional, nullable and pipe wrappers). */
export function inputFields(procedure: ProcedureInfo): string[] {
  const fields = new Set<string>();
  for (const parser of procedure.inputs) {
    let def = (parser as { _zod: { def: Record<string, unknown> } })._zod.def;
    for (let depth = 0; depth < 10 && def.type !== "object"; depth++) {
      const inner = (def.innerType ?? def.in) as { _zod: { def: Record<string, unknown> } } | undefined;
      if (!inner) break;
      def = inner._zod.def;
    }
    if (def.type === "object") for (const key of Object.keys(def.shape as object)) fields.add(key);
  }
  return [...fields];
}

export type SignedUpMember = { email: string; userId: string; tokens: Tokens; auth: Record<string, string> };

/**
 * A member made through the API: sign up, verify the address with the token the workers service
 * would have mailed (issued the same way), log in with tokens in the body.
 */
export async function verifiedMember(tag: string, pw = password): Promise<SignedUpMember> {
  const email = uniqueEmail(tag);
  const userId = await signUp(email, pw, `Member ${tag}`);
  const token = await withDatabase((db) =>
    issueEmailToken(db, { userId, email, purpose: "verify_email", ttlSeconds: 3600, now: new Date() }),
  );
  await createTestClient().auth.verifyEmail.mutate({ token });
  const tokens = await logIn(email, pw);
  return { email, userId, tokens, auth: bearer(tokens.accessToken) };
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
export const encodeSegment = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));
export const decodeSegment = (segment: string) =>
  JSON.parse(atob(segment.replaceAll("-", "+").replaceAll("_", "/"))) as Record<string, unknown>;

/** A compact JWS built by hand, so a test controls every header and claim (and the algorithm). */
export async function signJwt(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  secret: string,
  hash: "SHA-256" | "SHA-512" = "SHA-256",
): Promise<string> {
  const body = `${encodeSegment(header)}.${encodeSegment(payload)}`;
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body));
  return `${body}.${base64url(new Uint8Array(mac))}`;
}
