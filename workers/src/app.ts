import { errorStatus } from "@hometrip/contracts";
import { describeError } from "@hometrip/core";
import { Hono } from "hono";
import type { WorkerDeps } from "./deps.ts";
import { bookingLifecycleRoutes } from "./routes/booking-lifecycle.ts";
import { eventsRoute } from "./routes/events.ts";
import { healthRoute } from "./routes/health.ts";
import { icalImportRoute } from "./routes/ical-import.ts";
import { outboxSweepRoute } from "./routes/outbox-sweep.ts";
import { paymentsJobRoutes } from "./routes/payments-jobs.ts";

export type { WorkerDeps } from "./deps.ts";

/** The workers HTTP app; runtime-agnostic (Bun in production, Node in tests). */
export function createWorkerApp(deps: WorkerDeps) {
  const app = new Hono();
  app.route("/", eventsRoute(deps));
  app.route("/", outboxSweepRoute(deps));
  app.route("/", icalImportRoute(deps));
  app.route("/", bookingLifecycleRoutes(deps));
  app.route("/", paymentsJobRoutes(deps));
  app.route("/", healthRoute(deps));
  app.notFound((c) => c.json({ code: "NOT_FOUND", message: "No such route" }, errorStatus.NOT_FOUND));
  app.onError((error, c) => {
    deps.log.error("unhandled error", { path: c.req.path, error: describeError(error) });
    return c.json({ code: "INTERNAL", message: "Internal error" }, errorStatus.INTERNAL);
  });
  return app;
}
