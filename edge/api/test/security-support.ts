import { issueEmailToken } from "@hometrip/core";
import { getUntypedClient } from "@trpc/client";
import type { AnyProcedure, AnyRouter } from "@trpc/server";
import {
  apiKeyOwnerProcedure,
  blockManagerProcedure,
  bookingGuestProcedure,
  bookingHostProcedure,
  bookingPartyProcedure,
  conversationParticipantProcedure,
  listingByIdManagerProcedure,
  listingManagerProcedure,
  notificationOwnerProcedure,
  sessionOwnerProcedure,
} from "../src/procedure-bases.ts";
import { appRouter } from "../src/router.ts";
import {
  adminProcedure,
  authedProcedure,
  hostProcedure,
  operatorProcedure,
  postCommitStep,
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

/** What an ownership base checks: the kind of thing, and the input field naming it. */
export type Ownership = {
  owns: "listing" | "block" | "apiKey" | "session" | "booking" | "conversation" | "notification";
  field: string;
};

export type ProcedureInfo = {
  path: string;
  type: "query" | "mutation";
  access: Access;
  /** Set when the procedure's base is an ownership base (procedure-bases.ts). */
  ownership: Ownership | undefined;
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

// Ownership bases sit on a role base, so a procedure on one carries both markers.
const ownershipMarkers: [Ownership, unknown][] = [
  [{ owns: "listing", field: "listingId" }, marker(listingManagerProcedure)],
  [{ owns: "listing", field: "id" }, marker(listingByIdManagerProcedure)],
  [{ owns: "block", field: "blockId" }, marker(blockManagerProcedure)],
  [{ owns: "apiKey", field: "id" }, marker(apiKeyOwnerProcedure)],
  [{ owns: "session", field: "sessionId" }, marker(sessionOwnerProcedure)],
  [{ owns: "booking", field: "bookingId" }, marker(bookingGuestProcedure)],
  [{ owns: "booking", field: "bookingId" }, marker(bookingHostProcedure)],
  [{ owns: "booking", field: "bookingId" }, marker(bookingPartyProcedure)],
  [{ owns: "conversation", field: "conversationId" }, marker(conversationParticipantProcedure)],
  [{ owns: "notification", field: "id" }, marker(notificationOwnerProcedure)],
];

const postCommitMarker = (postCommitStep as unknown as { _middlewares: unknown[] })._middlewares[0];

/** Paths of the procedures that do not run the post-commit step (built on something but our bases). */
export function proceduresWithoutPostCommit(router: AnyRouter): string[] {
  return Object.entries(router._def.procedures as Record<string, AnyProcedure>)
    .filter(([, procedure]) => !defOf(procedure).middlewares.includes(postCommitMarker))
    .map(([path]) => path)
    .sort();
}

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
      ownership: ownershipMarkers.find(([, mw]) => def.middlewares.includes(mw))?.[0],
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

type SchemaDef = Record<string, unknown>;
const schemaDef = (schema: unknown) => (schema as { _zod: { def: SchemaDef } })._zod.def;

/** Past optional, nullable, default and pipe (input side) wrappers, to the schema that decides. */
function unwrapped(def: SchemaDef): SchemaDef {
  for (let depth = 0; depth < 10 && def.type !== "object" && def.type !== "array"; depth++) {
    const inner = def.innerType ?? def.in;
    if (!inner) break;
    def = schemaDef(inner);
  }
  return def;
}

/** The field names of an object input (through optional, nullable and pipe wrappers). */
export function inputFields(procedure: ProcedureInfo): string[] {
  const fields = new Set<string>();
  for (const parser of procedure.inputs) {
    const def = unwrapped(schemaDef(parser));
    if (def.type === "object") for (const key of Object.keys(def.shape as object)) fields.add(key);
  }
  return [...fields];
}

/**
 * Every leaf field of an input, nested ones included, as key paths (`["changes", "title"]`;
 * an array's element as index 0: `["amenities", 0]`).
 */
export function inputFieldPaths(procedure: ProcedureInfo): (string | number)[][] {
  const paths = new Map<string, (string | number)[]>();
  const walk = (schema: unknown, path: (string | number)[], depth: number) => {
    const def = unwrapped(schemaDef(schema));
    if (depth < 6 && def.type === "object") {
      for (const [key, value] of Object.entries(def.shape as object)) walk(value, [...path, key], depth + 1);
    } else if (depth < 6 && def.type === "array" && path.length > 0) {
      walk(def.element, [...path, 0], depth + 1);
    } else if (path.length > 0) {
      paths.set(path.join("."), path);
    }
  };
  for (const parser of procedure.inputs) walk(parser, [], 0);
  return [...paths.values()];
}

/** An input holding `value` at `path` and nothing else (`[]` for an array index). */
export function inputAt(path: (string | number)[], value: unknown): unknown {
  return path.reduceRight<unknown>(
    (inner, segment) => (typeof segment === "number" ? [inner] : { [segment]: inner }),
    value,
  );
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
