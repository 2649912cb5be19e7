import { formatDifference, reconcilePayments, releaseDuePayouts } from "@hometrip/core";
import { Hono } from "hono";
import type { WorkerDeps } from "../deps.ts";
import { requireQStashSignature, type SignedEnv } from "../signature.ts";

/** How far back the daily reconciliation looks: two days, so a run that failed is covered by the next. */
const RECONCILE_WINDOW_MS = 2 * 24 * 3600_000;

/**
 * POST /jobs/payouts — the payout schedule's target: releases every payout that is due (24 h
 * after check-in). POST /jobs/payments-reconcile — the daily comparison with Stripe; each
 * difference is logged as a warning for someone to look at.
 */
export function paymentsJobRoutes(deps: WorkerDeps) {
  const app = new Hono<SignedEnv>();
  const clock = deps.clock ?? (() => new Date());
  const stripe = () => {
    if (!deps.stripe) throw new Error("Stripe is not configured for the workers");
    return deps.stripe;
  };

  app.post("/jobs/payouts", requireQStashSignature(deps), async (c) => {
    const totals = await releaseDuePayouts(deps.db, stripe(), { now: clock(), log: c.var.log });
    return c.json(totals);
  });

  app.post("/jobs/payments-reconcile", requireQStashSignature(deps), async (c) => {
    const since = new Date(clock().getTime() - RECONCILE_WINDOW_MS);
    const differences = await reconcilePayments(deps.db, stripe(), { since });
    for (const d of differences)
      c.var.log.warn("payments differ from Stripe", { ...d, line: formatDifference(d) });
    c.var.log.info("payments reconciled", { since: since.toISOString(), differences: differences.length });
    return c.json({ differences });
  });

  return app;
}
