import { errorStatus } from "@hometrip/contracts";
import { trackCommittedEvents } from "@hometrip/core";
import { Hono } from "hono";
import type { WorkerDeps } from "../deps.ts";
import { workerAfterCommit } from "../events/after-commit.ts";
import { sendCheckInReminders } from "../notifications/check-in-reminders.ts";
import { dispatchDueDeliveries } from "../notifications/dispatch.ts";
import { requireQStashSignature, type SignedEnv } from "../signature.ts";

/**
 * POST /jobs/notification-deliveries — sends what is due (away delay over, digest gathered, quiet
 * hours ended): woken by a delayed message when a send falls due, and every minute as the net. POST /jobs/check-in-reminders — hourly: reminders for tomorrow's
 * check-ins. Both are QStash schedules; without notification settings they answer 503 so the
 * broker keeps retrying until a deploy configures them.
 */
export function notificationJobsRoute(deps: WorkerDeps) {
  const clock = deps.clock ?? (() => new Date());
  const afterCommit = workerAfterCommit(deps);
  const app = new Hono<SignedEnv>();
  const notConfigured = { code: "UNAVAILABLE", message: "Notifications are not configured" };

  app.post("/jobs/notification-deliveries", requireQStashSignature(deps), async (c) => {
    if (!deps.notifications) return c.json(notConfigured, errorStatus.UNAVAILABLE);
    const totals = await dispatchDueDeliveries(deps.db, deps.notifications, { now: clock(), log: c.var.log });
    if (totals.sent + totals.skipped + totals.deferred > 0)
      c.var.log.info("notification deliveries", { ...totals });
    return c.json(totals);
  });

  app.post("/jobs/check-in-reminders", requireQStashSignature(deps), async (c) => {
    if (!deps.notifications) return c.json(notConfigured, errorStatus.UNAVAILABLE);
    // Each reminder's transaction commits before its live push (post-commit, with the others').
    const unit = trackCommittedEvents(deps.db, { traceparent: c.var.trace.traceparent });
    const result = await sendCheckInReminders(unit.db, deps.notifications, { now: clock(), log: c.var.log });
    await afterCommit(unit.events.take(), c.var.log);
    return c.json(result);
  });
  return app;
}
