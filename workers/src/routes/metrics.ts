import { timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import type { WorkerMetrics } from "../metrics/worker-metrics.ts";

/**
 * GET /metrics in Prometheus' text format, for a scraper or the API's ops panel holding the
 * bearer token (METRICS_TOKEN). Without a configured token the route does not exist.
 */
export function metricsRoute(metrics: WorkerMetrics, token: string | undefined) {
  const app = new Hono();
  if (!token) return app;
  app.get("/metrics", async (c) => {
    const presented = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
    const a = Buffer.from(presented);
    const b = Buffer.from(token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      return c.json({ code: "UNAUTHORIZED", message: "A metrics token is required" }, 401);
    }
    return c.body(await metrics.registry.metrics(), 200, { "content-type": metrics.registry.contentType });
  });
  return app;
}
