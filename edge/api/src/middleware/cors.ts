import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "../context.ts";
import { setResponseHeader } from "../http/response-headers.ts";

const allowMethods = ["GET", "POST", "OPTIONS"].join(",");
const allowHeaders = [
  "content-type",
  "authorization",
  "x-request-id",
  "trpc-accept",
  "x-trpc-source",
  "traceparent",
].join(",");
const exposeHeaders = ["x-request-id", "x-trace-id"].join(",");
const maxAgeSeconds = "600";

/**
 * Only origins listed in CORS_ORIGINS get an Access-Control-Allow-Origin back; any other origin
 * gets no CORS headers, so the browser blocks the read. Credentials are allowed because the web
 * app will send its session cookie. The headers are those of Hono's `cors` with these options;
 * they are set on the route's answer in place (`setResponseHeader`), not on a placeholder Response
 * made before the route runs and then copied onto its answer.
 */
export const cors = createMiddleware<HonoEnv>(async (c, next) => {
  const origin = c.req.header("origin") ?? "";
  const allowOrigin = origin && c.get("config").CORS_ORIGINS.includes(origin) ? origin : null;
  if (c.req.method === "OPTIONS") {
    const headers = new Headers({
      "access-control-allow-credentials": "true",
      "access-control-expose-headers": exposeHeaders,
      "access-control-max-age": maxAgeSeconds,
      "access-control-allow-methods": allowMethods,
      "access-control-allow-headers": allowHeaders,
      vary: "Origin, Access-Control-Request-Headers",
    });
    if (allowOrigin) headers.set("access-control-allow-origin", allowOrigin);
    return new Response(null, { status: 204, statusText: "No Content", headers });
  }
  await next();
  if (allowOrigin) setResponseHeader(c, "access-control-allow-origin", allowOrigin);
  setResponseHeader(c, "access-control-allow-credentials", "true");
  setResponseHeader(c, "access-control-expose-headers", exposeHeaders);
  setResponseHeader(c, "vary", "Origin", { append: true });
});
