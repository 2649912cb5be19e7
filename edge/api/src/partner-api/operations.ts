import type { AnyRouter } from "@trpc/server";
import type { PartnerMethod, PartnerRoute } from "./expose.ts";

/** One REST operation of the partner API: the procedure it calls and how its path matches. */
export type PartnerOperation = {
  method: PartnerMethod;
  path: string;
  procedurePath: string;
  pattern: RegExp;
  paramNames: string[];
  /** Input fields a query string must turn into numbers or booleans before the schema sees them. */
  coerce: Record<string, "number" | "boolean">;
};

type ProcedureDef = { _def: { meta?: { openapi?: PartnerRoute }; inputs?: unknown[] } };
type ZodLike = {
  _zod?: { def?: { type?: string; innerType?: ZodLike; in?: ZodLike; shape?: Record<string, ZodLike> } };
};

/** optional/default/nullable/pipe wrappers peeled off to the type a query value must become. */
function baseType(schema: ZodLike | undefined): string | undefined {
  let current = schema;
  for (let depth = 0; depth < 8 && current?._zod?.def; depth++) {
    const def = current._zod.def;
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return def.type;
  }
  return current?._zod?.def?.type;
}

function coercionsOf(input: unknown): PartnerOperation["coerce"] {
  const shape = (input as ZodLike | undefined)?._zod?.def?.shape ?? {};
  const coerce: PartnerOperation["coerce"] = {};
  for (const [key, field] of Object.entries(shape)) {
    const type = baseType(field);
    if (type === "number" || type === "int") coerce[key] = "number";
    else if (type === "boolean") coerce[key] = "boolean";
  }
  return coerce;
}

/** Every procedure of `router` with an `openapi` route, as an operation the handler can match. */
export function partnerOperations(router: AnyRouter): PartnerOperation[] {
  const procedures = router._def.procedures as Record<string, ProcedureDef>;
  const operations: PartnerOperation[] = [];
  for (const [procedurePath, procedure] of Object.entries(procedures)) {
    const route = procedure._def.meta?.openapi;
    if (!route) continue;
    const paramNames: string[] = [];
    const source = route.path
      .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
      .replace(/\{(\w+)\}/g, (_, name: string) => {
        paramNames.push(name);
        return "([^/]+)";
      });
    operations.push({
      method: route.method,
      path: route.path,
      procedurePath,
      pattern: new RegExp(`^${source}$`),
      paramNames,
      coerce: coercionsOf(procedure._def.inputs?.[0]),
    });
  }
  // Literal segments win over parameters: /v1/listings/search before /v1/listings/{id}.
  return operations.sort((a, b) => a.paramNames.length - b.paramNames.length);
}

export type MatchedOperation = { operation: PartnerOperation; params: Record<string, string> };

export function matchOperation(
  operations: readonly PartnerOperation[],
  method: string,
  pathname: string,
): MatchedOperation | { methodNotAllowed: true } | null {
  let pathMatched = false;
  for (const operation of operations) {
    const match = operation.pattern.exec(pathname);
    if (!match) continue;
    pathMatched = true;
    if (operation.method !== method) continue;
    const params: Record<string, string> = {};
    operation.paramNames.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1] ?? "");
    });
    return { operation, params };
  }
  return pathMatched ? { methodNotAllowed: true } : null;
}

/** Query values as the input schema expects them; a value that is not a number stays a string (the schema says why). */
export function queryInput(operation: PartnerOperation, query: URLSearchParams): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of query) {
    const kind = operation.coerce[key];
    if (kind === "number" && value.trim() !== "" && Number.isFinite(Number(value)))
      input[key] = Number(value);
    else if (kind === "boolean" && (value === "true" || value === "false")) input[key] = value === "true";
    else input[key] = value;
  }
  return input;
}
