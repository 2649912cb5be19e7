import { readCumulativeRollup } from "@hometrip/core";
import { Hono } from "hono";
import type { HonoEnv } from "../context.ts";
import { edgeMetricsText } from "../metrics/prometheus-text.ts";
import { sameSecret } from "../trpc.ts";

/**
 * Prometheus scrape target for the edge rollups. `Authorization: Bearer` with METRICS_TOKEN (a
 * token that opens nothing else) or the operator token; anything else is 401 before Redis is read.
 */
export const metricsRoutes = new Hono<HonoEnv>().get("/metrics", async (c) => {
  const { config, redis } = c.var.services;
  const presented = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1];
  const accepted = [config.METRICS_TOKEN, config.ADMIN_API_TOKEN].filter((t): t is string => Boolean(t));
  let allowed = false;
  // Every accepted token is compared, so the time taken does not say which one matched.
  for (const token of accepted) if (presented && (await sameSecret(presented, token))) allowed = true;
  if (!allowed) {
    c.header("WWW-Authenticate", 'Bearer realm="metrics"');
    return c.json(
      { code: "UNAUTHORIZED", message: "A metrics token is required", requestId: c.var.requestId },
      401,
    );
  }
  const totals = await readCumulativeRollup(redis, config.METRICS_KEY_PREFIX);
  return c.body(edgeMetricsText(totals), 200, {
    "content-type": "text/plain; version=0.0.4; charset=utf-8",
    "cache-control": "no-store",
  });
});
