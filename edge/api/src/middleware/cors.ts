import type { Context } from "hono";
import { cors as honoCors } from "hono/cors";
import type { HonoEnv } from "../context.ts";

/**
 * Only origins listed in CORS_ORIGINS get an Access-Control-Allow-Origin back; any other origin
 * gets no CORS headers, so the browser blocks the read. Credentials are allowed because the web
 * app will send its session cookie.
 */
export const cors = honoCors({
  origin: (origin, c: Context<HonoEnv>) => (c.var.config.CORS_ORIGINS.includes(origin) ? origin : null),
  allowMethods: ["GET", "POST", "OPTIONS"],
  allowHeaders: [
    "content-type",
    "authorization",
    "x-request-id",
    "trpc-accept",
    "x-trpc-source",
    "traceparent",
  ],
  exposeHeaders: ["x-request-id", "x-trace-id"],
  credentials: true,
  maxAge: 600,
});
