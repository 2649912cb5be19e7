import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "../context.ts";
import { discardUnreadBody } from "../services/limited-body.ts";

/** Past the largest upload we take (10 MB photos), a body is cancelled rather than read on. */
const drainBudgetBytes = 16 * 1024 * 1024;

/**
 * After the answer, whatever a handler did not read of the request body is read and dropped: an
 * upload refused before its body was read (no credential, wrong type, rate limit, oversized)
 * must not leave its bytes on the connection for the next request to trip over.
 */
export const drainUnreadBody = createMiddleware<HonoEnv>(async (c, next) => {
  // A request without a body (every GET) has nothing to drain.
  if (c.req.raw.body === null) return next();
  await next();
  await discardUnreadBody(c.req.raw, drainBudgetBytes);
});
