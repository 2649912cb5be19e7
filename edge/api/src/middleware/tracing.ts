import { continueTrace } from "@hometrip/contracts";
import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "../context.ts";
import { setResponseHeader } from "../http/response-headers.ts";

/**
 * Continues the caller's W3C trace (`traceparent` from the web proxy or a partner's client) with a
 * span of our own, or starts one. The trace id goes into every log line, every error answer and
 * every event this request records (so the workers log it too), and back in `x-trace-id`.
 * Cloudflare's own tracing (wrangler.toml `[observability.traces]`) records the Worker's spans.
 */
export const tracing = createMiddleware<HonoEnv>(async (c, next) => {
  const trace = continueTrace(c.req.header("traceparent"));
  c.set("trace", trace);
  await next();
  setResponseHeader(c, "x-trace-id", trace.traceId);
});
