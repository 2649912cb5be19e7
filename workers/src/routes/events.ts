import { errorStatus, parseEventEnvelope } from "@hometrip/contracts";
import { describeError } from "@hometrip/core";
import { Hono } from "hono";
import type { WorkerDeps } from "../deps.ts";
import { processEvent } from "../events/process-event.ts";
import { eventHandlers } from "../handlers/index.ts";
import { requireQStashSignature, type SignedEnv } from "../signature.ts";

/**
 * POST /events — one QStash delivery. Status policy (the broker retries every non-2xx, then
 * dead-letters):
 * - 401: signature missing or invalid. Nothing is read or written.
 * - 400: signed but unprocessable (bad JSON, envelope, unknown type/version, payload). Only our
 *   own relay can sign, so this is a deploy skew (producer ahead of this consumer: heals on a
 *   retry after deploy) or a bug; a non-2xx puts it in the DLQ, visible and replayable, instead
 *   of a 200 that would silently drop a real event.
 * - 500: the handler threw; its transaction rolled back, so the retry starts clean.
 * - 200: applied now ("processed") or already applied earlier ("duplicate").
 */
export function eventsRoute(deps: WorkerDeps) {
  const handlers = deps.handlers ?? eventHandlers;
  const clock = deps.clock ?? (() => new Date());
  const app = new Hono<SignedEnv>();

  app.post("/events", requireQStashSignature(deps), async (c) => {
    const delivery = {
      messageId: c.req.header("upstash-message-id"),
      retried: Number(c.req.header("upstash-retried") ?? 0),
    };
    let json: unknown;
    try {
      json = JSON.parse(c.get("rawBody"));
    } catch {
      deps.log.error("event body is not JSON", delivery);
      return c.json({ code: "BAD_REQUEST", message: "Body is not JSON" }, errorStatus.BAD_REQUEST);
    }

    const parsed = parseEventEnvelope(json);
    if (!parsed.ok) {
      deps.log.error("unprocessable event", { ...delivery, error: parsed.error });
      return c.json(
        { code: "BAD_REQUEST", message: parsed.error.message, details: parsed.error },
        errorStatus.BAD_REQUEST,
      );
    }

    const { event } = parsed;
    const fields = { ...delivery, eventId: event.id, eventType: event.type };
    try {
      const outcome = await processEvent(deps.db, handlers, event, { log: deps.log, now: clock() });
      deps.log.info(outcome === "duplicate" ? "event already processed" : "event processed", fields);
      return c.json({ status: outcome, eventId: event.id });
    } catch (error) {
      deps.log.error("event handler failed", { ...fields, error: describeError(error) });
      return c.json({ code: "INTERNAL", message: "Event handler failed" }, errorStatus.INTERNAL);
    }
  });

  return app;
}
