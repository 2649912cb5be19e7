import { AppError, type ErrorCode, errorCodes } from "@hometrip/contracts";
import type { TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import { type FieldIssue, fieldIssues, isValidationError } from "./errors.ts";

/** Our closed code set on the tRPC side; tRPC derives the HTTP status from these keys. */
export const trpcCodeOf = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL: "INTERNAL_SERVER_ERROR",
} as const satisfies Record<ErrorCode, TRPC_ERROR_CODE_KEY>;

const appCodeOfTrpc: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  PARSE_ERROR: "BAD_REQUEST",
  METHOD_NOT_SUPPORTED: "BAD_REQUEST",
  PAYLOAD_TOO_LARGE: "BAD_REQUEST",
  UNSUPPORTED_MEDIA_TYPE: "BAD_REQUEST",
  UNPROCESSABLE_CONTENT: "BAD_REQUEST",
  PRECONDITION_FAILED: "CONFLICT",
  SERVICE_UNAVAILABLE: "UNAVAILABLE",
  GATEWAY_TIMEOUT: "UNAVAILABLE",
  TIMEOUT: "UNAVAILABLE",
};

export type ErrorData = {
  code: ErrorCode;
  httpStatus: number;
  path?: string;
  requestId?: string;
  traceId?: string;
  issues?: FieldIssue[];
};

/**
 * The `error.data` every tRPC error carries: our code (not tRPC's), the request id for support,
 * field paths for input failures. Internal messages are replaced outside development.
 */
export function describeTrpcError(
  error: TRPCError,
  opts: { httpStatus: number; path?: string; requestId?: string; traceId?: string; exposeInternals: boolean },
): { message: string; data: ErrorData } {
  const cause = error.cause;
  const code: ErrorCode =
    cause instanceof AppError
      ? cause.code
      : (appCodeOfTrpc[error.code] ??
        ((errorCodes as readonly string[]).includes(error.code) ? (error.code as ErrorCode) : "INTERNAL"));
  const data: ErrorData = { code, httpStatus: opts.httpStatus };
  if (opts.path !== undefined) data.path = opts.path;
  if (opts.requestId !== undefined) data.requestId = opts.requestId;
  if (opts.traceId !== undefined) data.traceId = opts.traceId;

  // Output validation failures are validation errors too, but they are our bug: INTERNAL, no issues.
  if (code === "BAD_REQUEST" && isValidationError(cause)) {
    data.issues = fieldIssues(cause);
    return { message: "Invalid input", data };
  }
  // Domain checks that belong to one field (a wrong current password, an expired link) say which.
  const issues =
    cause instanceof AppError ? (cause.details as { issues?: unknown } | undefined)?.issues : undefined;
  if (code === "BAD_REQUEST" && Array.isArray(issues)) data.issues = issues as FieldIssue[];
  const message = code === "INTERNAL" && !opts.exposeInternals ? "Internal error" : error.message;
  return { message, data };
}
