import { type EdgeEnv, parseEdgeEnv } from "@hometrip/config";
import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "../context.ts";

/**
 * Parsed settings per bindings object. The runtime hands every request of an isolate the same
 * `env` and a new isolate (a new object) after any change to vars or secrets, so one parse per
 * object is one parse per isolate, while a caller passing other bindings (a test overriding one
 * for a request) gets them parsed afresh. A failed parse is not kept: it fails every request.
 */
const parsed = new WeakMap<object, EdgeEnv>();

export function configOf(bindings: object): EdgeEnv {
  let config = parsed.get(bindings);
  if (!config) {
    config = parseEdgeEnv(bindings as Record<string, unknown>);
    parsed.set(bindings, config);
  }
  return config;
}

/** Bindings are validated before anything else runs: a missing secret fails loudly at once. */
export const loadConfig = createMiddleware<HonoEnv>(async (c, next) => {
  c.set("config", configOf(c.env));
  await next();
});
