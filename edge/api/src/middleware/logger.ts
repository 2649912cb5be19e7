import { withoutIcalToken } from "@hometrip/contracts";
import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "../context.ts";
import { createLogger } from "../services/logger.ts";

/** An answer at least this slow gets its access line whatever ACCESS_LOG says. */
export const slowAnswerMs = 1000;

/**
 * A logger tagged with the request and trace ids, plus one access line per request once it is
 * answered: every request with ACCESS_LOG=all (the default), only 4xx, 5xx and slow ones with
 * `errors`. Before the configuration loads (or when it cannot), every request gets its line.
 */
export const requestLogger = createMiddleware<HonoEnv>(async (c, next) => {
  const logger = createLogger({ requestId: c.get("requestId"), traceId: c.get("trace").traceId });
  c.set("logger", logger);
  const started = Date.now();
  await next();
  const status = c.res.status;
  const durationMs = Date.now() - started;
  if (status < 400 && durationMs < slowAnswerMs && c.get("config")?.ACCESS_LOG === "errors") return;
  const fields = {
    method: c.req.method,
    path: withoutIcalToken(c.req.path),
    status,
    durationMs,
  };
  if (status >= 500) logger.error("request", fields);
  else logger.info("request", fields);
});
