import { parseEdgeEnv } from "@hometrip/config";
import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "../context.ts";

/** Bindings are validated on every request: a secret removed in the dashboard fails loudly at once. */
export const loadConfig = createMiddleware<HonoEnv>(async (c, next) => {
  c.set("config", parseEdgeEnv(c.env));
  await next();
});
