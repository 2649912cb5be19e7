import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { Hono } from "hono";
import type { HonoEnv } from "../context.ts";
import { appRouter } from "../router.ts";
import { errorFields } from "../services/logger.ts";
import { maxBatchCalls, trpcCallPaths, trpcEndpoint, trpcErrorBody } from "../trpc-wire.ts";
import { trpcContextOf } from "./trpc-context.ts";

export const trpcRoutes = new Hono<HonoEnv>().all(`${trpcEndpoint}/*`, async (c) => {
  if (trpcCallPaths(c.req.url).length > maxBatchCalls) {
    const message = `A batch may carry at most ${maxBatchCalls} calls`;
    return c.json(
      trpcErrorBody(c.req.url, {
        code: "BAD_REQUEST",
        message,
        requestId: c.var.requestId,
        extra: { traceId: c.var.trace.traceId },
      }),
      400,
    );
  }
  const response = await fetchRequestHandler({
    endpoint: trpcEndpoint,
    req: c.req.raw,
    router: appRouter,
    createContext: ({ req, resHeaders }) => trpcContextOf(c, req, resHeaders),
    onError({ error, path }) {
      c.var.trpcCallOutcomes?.failedCall(path, error);
      if (error.code === "INTERNAL_SERVER_ERROR") {
        c.var.logger.error("procedure failed", { path, ...errorFields(error.cause ?? error) });
      }
    },
  });
  return withSafeCaching(c.req.raw, response);
});

/**
 * A procedure may mark its answer publicly cacheable (search does), but resHeaders are shared by
 * every call in a batch: a batch that also carries a private call, a failed call or a cookie
 * must never be stored by a shared cache. Only a single successful GET keeps `public`.
 */
function withSafeCaching(req: Request, response: Response): Response {
  const cacheControl = response.headers.get("cache-control") ?? "";
  if (!/\bpublic\b/i.test(cacheControl)) return response;
  const paths = trpcCallPaths(req.url);
  const safe =
    req.method === "GET" &&
    paths.length === 1 &&
    response.status === 200 &&
    !response.headers.has("set-cookie");
  if (safe) return response;
  const headers = new Headers(response.headers);
  headers.set("cache-control", "private, no-store");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
