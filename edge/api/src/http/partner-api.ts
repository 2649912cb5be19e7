import { AppError } from "@hometrip/contracts";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import partnerApiDocument from "../../openapi/v1.json";
import type { HonoEnv } from "../context.ts";
import { errorBody } from "../errors.ts";
import { matchOperation, partnerOperations, queryInput } from "../partner-api/operations.ts";
import { appRouter } from "../router.ts";
import { readLimitedBody } from "../services/limited-body.ts";
import { errorFields } from "../services/logger.ts";
import { createCallerFactory } from "../trpc.ts";
import { describeTrpcError } from "../trpc-errors.ts";
import { trpcContextOf } from "./trpc-context.ts";

const operations = partnerOperations(appRouter);
const createCaller = createCallerFactory(appRouter);
/** The largest search request is a few KB; anything far larger is not a partner call. */
const maxBodyBytes = 64 * 1024;

/**
 * The partner REST API: `/v1/...` calls the procedure its OpenAPI operation names, through a tRPC
 * caller, so the base procedure (API-key scope, ownership), rate limits, post-commit step and
 * output schema apply exactly as over tRPC. trpc-to-openapi's own fetch adapter is not used: it
 * imports a Node body parser that workerd cannot load. `/openapi.json` is the document generated
 * at build time from the same procedures (`bun run --cwd edge/api openapi`).
 */
export const partnerApiRoutes = new Hono<HonoEnv>()
  .get("/openapi.json", (c) =>
    c.json(partnerApiDocument, 200, {
      "cache-control": "public, max-age=300",
      // Anyone's tooling (an editor, a code generator in a browser) may read the document.
      "access-control-allow-origin": "*",
    }),
  )
  .all("/v1/*", async (c) => {
    const matched = matchOperation(operations, c.req.method, new URL(c.req.url).pathname);
    if (!matched) return c.notFound();
    if ("methodNotAllowed" in matched) {
      const error = new AppError("BAD_REQUEST", `${c.req.method} is not supported on ${c.req.path}`);
      return c.json(errorBody(error, c.var.requestId, c.var.trace.traceId), 405);
    }
    const { operation, params } = matched;
    let input: Record<string, unknown>;
    if (operation.method === "GET") {
      input = { ...queryInput(operation, new URL(c.req.url).searchParams), ...params };
    } else {
      const body = await jsonBody(c.req.raw);
      if (body === undefined) {
        const error = new AppError("BAD_REQUEST", "The body must be a JSON object");
        return c.json(errorBody(error, c.var.requestId, c.var.trace.traceId), 400);
      }
      input = { ...body, ...params };
    }
    const resHeaders = new Headers();
    const caller = createCaller(trpcContextOf(c, c.req.raw, resHeaders));
    const procedure = operation.procedurePath
      .split(".")
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
      input: unknown,
    ) => Promise<unknown>;
    try {
      const output = await procedure(input);
      return c.json(output as object, 200, Object.fromEntries(resHeaders));
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      return failure(c, error, operation.procedurePath, resHeaders);
    }
  });

async function jsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const bytes = await readLimitedBody(request, maxBodyBytes, () => new Error("too large"));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes) || "{}");
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function failure(c: Context<HonoEnv>, error: TRPCError, path: string, resHeaders: Headers): Response {
  const httpStatus = getHTTPStatusCodeFromError(error);
  const appEnv = c.var.config.APP_ENV;
  const described = describeTrpcError(error, {
    httpStatus,
    path,
    requestId: c.var.requestId,
    exposeInternals: appEnv === "development" || appEnv === "test",
  });
  if (described.data.code === "INTERNAL") {
    c.var.logger.error("procedure failed", { path, ...errorFields(error.cause ?? error) });
  }
  const body = errorBody(
    new AppError(described.data.code, described.message),
    c.var.requestId,
    c.var.trace.traceId,
  );
  if (described.data.issues) body.issues = described.data.issues;
  // Retry-After from a rate limit; no cache may keep an error.
  resHeaders.set("cache-control", "private, no-store");
  return c.json(body, httpStatus as ContentfulStatusCode, Object.fromEntries(resHeaders));
}
