import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";

/** What the edge knows of tRPC's HTTP wire format before tRPC itself runs. */

export const trpcEndpoint = "/trpc";

/**
 * The most calls one tRPC request may carry. Every call of a batch runs and may append response
 * headers (a batch of 1,000 log-outs outgrew the response header limit), and a batch is one
 * request to everything in front of the Worker, so the limit keeps one request one unit of work.
 */
export const maxBatchCalls = 10;

let lastUrl = "";
let lastPaths: readonly string[] = [];

/**
 * The procedure paths a /trpc request names: one, or a comma-separated batch. The rate limit, the
 * route and the metrics of one request each ask, so the last answer is kept (read-only: shared).
 */
export function trpcCallPaths(url: string): readonly string[] {
  if (url === lastUrl) return lastPaths;
  const raw = new URL(url).pathname.slice(trpcEndpoint.length + 1);
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A malformed escape names no procedure; tRPC answers it as one unknown path.
  }
  lastUrl = url;
  lastPaths = Object.freeze(decoded.split(","));
  return lastPaths;
}

/**
 * tRPC's own error shape (an array for batched calls, one entry per call), so clients surface an
 * error the edge answers before tRPC runs like any procedure error.
 */
export function trpcErrorBody(
  url: string,
  error: { code: "BAD_REQUEST" | "TOO_MANY_REQUESTS"; message: string; requestId: string; extra?: object },
) {
  const batched = new URL(url).searchParams.get("batch") === "1";
  const httpStatus = error.code === "BAD_REQUEST" ? 400 : 429;
  const errorFor = (path: string) => ({
    error: {
      message: error.message,
      code: TRPC_ERROR_CODES_BY_KEY[error.code],
      data: { code: error.code, httpStatus, path, requestId: error.requestId, ...error.extra },
    },
  });
  const paths = trpcCallPaths(url);
  return batched ? paths.map(errorFor) : errorFor(paths[0] ?? "");
}
