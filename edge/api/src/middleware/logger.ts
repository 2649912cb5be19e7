import { withoutIcalToken } from "@hometrip/contracts";
import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "../context.ts";
import { createLogger } from "../services/logger.ts";

/** A logger tagged with the request and trace ids, plus one access line per request once it is answered. */
export const requestLogger = createMiddleware<HonoEnv>(async (c, next) => {
  const logger = createLogger({ requestId: c.get("requestId"), traceId: c.get("trace").traceId });
  c.set("logger", logger);
  const started = Date.now();
  await next();
  const status = c.res.status;
  const fields = {
    method: c.req.method,
    path: withoutIcalToken(c.req.path),
    status,
    durationMs: Date.now() - started,
  };
  if (status >= 500) logger.error("request", fields);
  else logger.info("request", fields);
});
