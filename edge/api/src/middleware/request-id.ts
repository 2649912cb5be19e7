import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "../context.ts";
import { setResponseHeader } from "../http/response-headers.ts";

const header = "x-request-id";
/** A caller's id is kept only when it cannot forge a log line or bloat one. */
const safeId = /^[\w\-=]{1,255}$/;

/**
 * The caller's `x-request-id` (from the web proxy, or a partner's client) when it is safe to log,
 * else a new UUID; echoed on every answer. Set on the answer after the route, in place, so no
 * middleware needs a placeholder Response before the route runs (see `setResponseHeader`).
 */
export const requestId = createMiddleware<HonoEnv>(async (c, next) => {
  const given = c.req.header(header);
  const id = given && safeId.test(given) ? given : crypto.randomUUID();
  c.set("requestId", id);
  await next();
  setResponseHeader(c, header, id);
});
