import { relayOutbox } from "@hometrip/core";
import { Hono } from "hono";
import type { WorkerDeps } from "../deps.ts";
import { requireQStashSignature, type SignedEnv } from "../signature.ts";

/**
 * POST /jobs/outbox-sweep — target of the QStash schedule. Publishes whatever the after-commit
 * relay left behind (broker down, Worker evicted before waitUntil ran). This is a long-running
 * Bun process with no request time limit, so it drains in batches here rather than re-enqueueing
 * itself with a cursor; it stops early when a batch has failures (the broker is probably down)
 * and the next scheduled run picks up from the oldest unpublished row.
 */
export function outboxSweepRoute(deps: WorkerDeps) {
  const batchSize = deps.sweep?.batchSize ?? 100;
  const maxBatches = deps.sweep?.maxBatches ?? 50;
  const app = new Hono<SignedEnv>();

  app.post("/jobs/outbox-sweep", requireQStashSignature(deps), async (c) => {
    const totals = { published: 0, failed: 0, batches: 0 };
    while (totals.batches < maxBatches) {
      const batch = await relayOutbox(deps.db, deps.publisher, { limit: batchSize, log: c.var.log });
      totals.batches += 1;
      totals.published += batch.published;
      totals.failed += batch.failed;
      if (batch.failed > 0 || batch.published < batchSize) break;
    }
    c.var.log.info("outbox sweep finished", totals);
    return c.json(totals);
  });

  return app;
}
