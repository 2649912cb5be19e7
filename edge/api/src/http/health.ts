import { Hono } from "hono";
import type { HonoEnv } from "../context.ts";
import { checkHealth } from "../health/check-health.ts";

/** For load balancers and the dev orchestrator: 503 as soon as any dependency is down. */
export const healthRoutes = new Hono<HonoEnv>().get("/health", async (c) => {
  const report = await checkHealth(c.var.services);
  return c.json(report, report.status === "ok" ? 200 : 503);
});
