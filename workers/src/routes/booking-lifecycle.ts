import { errorStatus } from "@hometrip/contracts";
import {
  completeBooking,
  expireBooking,
  findBooking,
  sweepBookings,
  trackCommittedEvents,
} from "@hometrip/core";
import { type Context, Hono } from "hono";
import * as z from "zod";
import type { WorkerDeps } from "../deps.ts";
import { workerAfterCommit } from "../events/after-commit.ts";
import { requireQStashSignature, type SignedEnv } from "../signature.ts";

const zDeadlineJob = z.object({ bookingId: z.uuid() });

/**
 * POST /jobs/booking-deadline — a booking's delayed message (hold or request expiry, check-out);
 * POST /jobs/booking-sweep — the periodic safety net over every due booking. Both run core's
 * lifecycle steps, which lock the booking and let the state machine decide, so a late, repeated
 * or early delivery changes nothing it must not. Their booking.transitioned events go through
 * the same post-commit step as the API's.
 */
export function bookingLifecycleRoutes(deps: WorkerDeps) {
  const clock = deps.clock ?? (() => new Date());
  const app = new Hono<SignedEnv>();

  // The events a step records carry the job's trace on to the workers that handle them.
  const unitOfWork = (c: Context<SignedEnv>) =>
    trackCommittedEvents(deps.db, { traceparent: c.var.trace.traceparent });
  const postCommit = workerAfterCommit(deps);
  const afterCommit = (c: Context<SignedEnv>, unit: ReturnType<typeof trackCommittedEvents>) =>
    postCommit(unit.events.take(), c.var.log);

  app.post("/jobs/booking-deadline", requireQStashSignature(deps), async (c) => {
    let body: unknown;
    try {
      body = JSON.parse(c.var.rawBody);
    } catch {
      body = undefined;
    }
    const job = zDeadlineJob.safeParse(body);
    if (!job.success)
      return c.json({ code: "BAD_REQUEST", message: "Not a booking deadline" }, errorStatus.BAD_REQUEST);
    const unit = unitOfWork(c);
    const now = clock();
    const found = await findBooking(unit.db, job.data.bookingId).catch(() => null);
    if (!found) return c.json({ changed: false, reason: "no such booking" });
    const outcome =
      found.booking.status === "confirmed"
        ? await completeBooking(unit.db, found.booking.id, now)
        : await expireBooking(unit.db, found.booking.id, now);
    await afterCommit(c, unit);
    return c.json(outcome.changed ? { changed: true, status: outcome.booking.status } : outcome);
  });

  app.post("/jobs/booking-sweep", requireQStashSignature(deps), async (c) => {
    const unit = unitOfWork(c);
    const result = await sweepBookings(unit.db, clock());
    await afterCommit(c, unit);
    c.var.log.info("booking sweep finished", { ...result });
    return c.json(result);
  });

  return app;
}
