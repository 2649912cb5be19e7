import { errorStatus } from "@hometrip/contracts";
import { describeError } from "@hometrip/core";
import { Hono } from "hono";
import type { WorkerDeps } from "./deps.ts";
import { createWorkerMetrics } from "./metrics/worker-metrics.ts";
import { bookingLifecycleRoutes } from "./routes/booking-lifecycle.ts";
import { eventsRoute } from "./routes/events.ts";
import { healthRoute } from "./routes/health.ts";
import { icalImportRoute } from "./routes/ical-import.ts";
import { metricsRoute } from "./routes/metrics.ts";
import { notificationJobsRoute } from "./routes/notification-jobs.ts";
import { outboxSweepRoute } from "./routes/outbox-sweep.ts";
import { paymentsJobRoutes } from "./routes/payments-jobs.ts";
import { type TracedEnv, traceRequests } from "./tracing/request-trace.ts";

export type { WorkerDeps } from "./deps.ts";

/** The workers HTTP app; runtime-agnostic (Bun in production, Node in tests). */
export function createWorkerApp(deps: WorkerDeps) {
  const app = new Hono<TracedEnv>();
  const metrics = deps.metrics ?? createWorkerMetrics();
  app.use(traceRequests(deps.log));
  app.route("/", eventsRoute(deps, metrics));
  app.route("/", outboxSweepRoute(deps));
  app.route("/", icalImportRoute(deps));
  app.route("/", bookingLifecycleRoutes(deps));
  app.route("/", paymentsJobRoutes(deps));
  app.route("/", notificationJobsRoute(deps));
  app.route("/", healthRoute(deps));
  app.route("/", metricsRoute(metrics, deps.metricsToken));
  app.notFound((c) => c.json({ code: "NOT_FOUND", message: "No such route" }, errorStatus.NOT_FOUND));
  app.onError((error, c) => {
    c.var.log.error("unhandled error", { path: c.req.path, error: describeError(error) });
    return c.json({ code: "INTERNAL", message: "Internal error" }, errorStatus.INTERNAL);
  });
  return app;
}
