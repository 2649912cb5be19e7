import { ConfigError } from "@hometrip/config";
import { AppError, type ErrorCode } from "@hometrip/contracts";
import { StandardSchemaV1Error } from "@trpc/server";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod";
import type { HonoEnv } from "./context.ts";
import { createLogger, errorFields } from "./services/logger.ts";

export type FieldIssue = { path: string; message: string };

/** What every non-tRPC error response carries. */
export type ErrorBody = {
  code: ErrorCode;
  message: string;
  requestId: string;
  /** W3C trace id: the same id is in every log line of every runtime this request reached. */
  traceId?: string;
  issues?: FieldIssue[];
  details?: unknown;
};

type ValidationIssue = { path?: readonly (PropertyKey | { key: PropertyKey })[]; message: string };

/** Zod's errors and tRPC's Standard Schema errors both carry `issues`; paths become "a.b.0". */
export function isValidationError(error: unknown): error is { issues: readonly ValidationIssue[] } {
  return error instanceof z.ZodError || error instanceof StandardSchemaV1Error;
}

export function fieldIssues(error: { issues: readonly ValidationIssue[] }): FieldIssue[] {
  return error.issues.map((issue) => ({
    path:
      (issue.path ?? [])
        .map((segment) => String(typeof segment === "object" ? segment.key : segment))
        .join(".") || "(root)",
    message: issue.message,
  }));
}

const codeByStatus: Record<number, ErrorCode> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  429: "TOO_MANY_REQUESTS",
  503: "UNAVAILABLE",
};

/**
 * Maps anything thrown to the closed error set. Unknown errors are INTERNAL and their message is
 * never shown outside development: it may carry SQL or hostnames.
 */
export function toAppError(error: unknown, opts: { exposeInternals: boolean }): AppError {
  if (error instanceof AppError) return error;
  if (isValidationError(error)) {
    return new AppError("BAD_REQUEST", "Invalid input", { details: { issues: fieldIssues(error) } });
  }
  if (error instanceof HTTPException) {
    const code = codeByStatus[error.status] ?? (error.status < 500 ? "BAD_REQUEST" : "INTERNAL");
    return new AppError(code, error.message || code);
  }
  if (error instanceof ConfigError) {
    const names = error.issues.map((i) => i.variable).join(", ");
    return new AppError("INTERNAL", opts.exposeInternals ? `Misconfigured: ${names}` : "Internal error");
  }
  const message = opts.exposeInternals && error instanceof Error ? error.message : "Internal error";
  return new AppError("INTERNAL", message);
}

export function errorBody(error: AppError, requestId: string, traceId?: string): ErrorBody {
  const body: ErrorBody = { code: error.code, message: error.message, requestId };
  if (traceId) body.traceId = traceId;
  // INTERNAL details describe our bug, not the caller's request.
  if (error.code === "INTERNAL") return body;
  const details = error.details as { issues?: FieldIssue[] } | undefined;
  if (details?.issues) body.issues = details.issues;
  else if (details !== undefined) body.details = details;
  return body;
}

export function onError(error: Error, c: Context<HonoEnv>): Response {
  const requestId = c.var.requestId ?? "unknown";
  const traceId = c.var.trace?.traceId;
  const logger = c.var.logger ?? createLogger({ requestId, traceId });
  // Config may be what failed; then only a binding explicitly marking development exposes details.
  const appEnv = c.var.config?.APP_ENV ?? c.env?.APP_ENV;
  const appError = toAppError(error, { exposeInternals: appEnv === "development" || appEnv === "test" });
  if (error instanceof ConfigError) {
    logger.error("configuration invalid", { variables: error.issues, ...errorFields(error) });
  } else if (appError.code === "INTERNAL") {
    logger.error("unhandled error", errorFields(error));
  }
  return c.json(errorBody(appError, requestId, traceId), appError.status as ContentfulStatusCode);
}

export function notFound(c: Context<HonoEnv>): Response {
  const error = new AppError("NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`);
  return c.json(errorBody(error, c.var.requestId, c.var.trace?.traceId), 404);
}
