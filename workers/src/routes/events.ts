import { continueTrace, errorStatus, parseEventEnvelope } from "@hometrip/contracts";
import { describeError, withLogFields } from "@hometrip/core";
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { WorkerDeps } from "../deps.ts";
import { workerAfterCommit } from "../events/after-commit.ts";
import { processEvent } from "../events/process-event.ts";
import { createEventHandlers } from "../handlers/index.ts";
import type { WorkerMetrics } from "../metrics/worker-metrics.ts";
import { requireQStashSignature, type SignedEnv } from "../signature.ts";

/**
 * POST /events — one QStash delivery. Status policy (the broker retries every non-2xx, then
 * dead-letters; a 489 with `Upstash-NonRetryable-Error: true` dead-letters at once):
 * - 401: signature missing or invalid. Nothing is parsed or written.
 * - 400: unknown event type or version. Only our own relay can sign, so this is deploy skew
 *   (the producer already emits what this consumer will know after its deploy): retrying heals it.
 * - 489 non-retryable: bad JSON, malformed envelope, payload failing its schema. Retrying cannot
 *   help; the DLQ keeps it visible and replayable after a fix, where a 200 would drop a real event.
 * - 500: the handler threw; its transaction rolled back, so the retry starts clean.
 * - 200: applied now ("processed") or already applied earlier ("duplicate").
 */
function nonRetryable(c: Context, body: Record<string, unknown>) {
  return c.json(body, 489 as ContentfulStatusCode, { "Upstash-NonRetryable-Error": "true" });
}

export function eventsRoute(deps: WorkerDeps, metrics: WorkerMetrics) {
  const handlers =
    deps.handlers ??
    createEventHandlers({
      ...(deps.mail && { mail: deps.mail }),
      ...(deps.search && { search: deps.search }),
      ...(deps.bookings && { bookings: deps.bookings }),
      ...(deps.notifications && { notifications: deps.notifications }),
    });
  const clock = deps.clock ?? (() => new Date());
  const afterCommit = workerAfterCommit(deps);
  const app = new Hono<SignedEnv>();

  app.post("/events", requireQStashSignature(deps), async (c) => {
    const delivery = {
      messageId: c.req.header("upstash-message-id"),
      retried: Number(c.req.header("upstash-retried") ?? 0),
    };
    // QStash forwards the relay's `traceparent` (traceRequests continued it); the envelope carries
    // the same one for a replay published without headers (a DLQ replay, a hand-published event).
    let { trace, log } = c.var;
    let json: unknown;
    try {
      json = JSON.parse(c.get("rawBody"));
    } catch {
      log.error("event body is not JSON", delivery);
      metrics.delivered("unknown", "rejected", delivery.retried);
      return nonRetryable(c, { code: "BAD_REQUEST", message: "Body is not JSON" });
    }

    const parsed = parseEventEnvelope(json);
    if (!parsed.ok) {
      log.error("unprocessable event", { ...delivery, error: parsed.error });
      metrics.delivered("unknown", "rejected", delivery.retried);
      const body = { code: "BAD_REQUEST", message: parsed.error.message, details: parsed.error };
      const skew = parsed.error.kind === "unknown_type" || parsed.error.kind === "unknown_version";
      return skew ? c.json(body, errorStatus.BAD_REQUEST) : nonRetryable(c, body);
    }

    const { event } = parsed;
    if (!c.req.header("traceparent") && event.traceparent) {
      trace = continueTrace(event.traceparent);
      log = withLogFields(deps.log, { traceId: trace.traceId });
    }
    const fields = { ...delivery, eventId: event.id, eventType: event.type };
    const started = performance.now();
    const startMs = Date.now();
    const span = (ok: boolean, outcome: string) =>
      deps.spans?.record({
        traceId: trace.traceId,
        spanId: trace.spanId,
        parentSpanId: trace.parentSpanId,
        name: `event ${event.type}`,
        startMs,
        endMs: Date.now(),
        ok,
        attributes: {
          "messaging.system": "qstash",
          "messaging.message.id": delivery.messageId ?? "",
          "hometrip.event.id": event.id,
          "hometrip.event.type": event.type,
          "hometrip.event.outcome": outcome,
          "hometrip.delivery.retried": delivery.retried,
        },
      });
    try {
      const outcome = await processEvent(deps.db, handlers, event, { log, now: clock(), trace, afterCommit });
      metrics.handled(event.type, (performance.now() - started) / 1000);
      metrics.delivered(event.type, outcome, delivery.retried);
      log.info(outcome === "duplicate" ? "event already processed" : "event processed", fields);
      span(true, outcome);
      return c.json({ status: outcome, eventId: event.id, traceId: trace.traceId });
    } catch (error) {
      metrics.handled(event.type, (performance.now() - started) / 1000);
      metrics.delivered(event.type, "failed", delivery.retried);
      span(false, "failed");
      log.error("event handler failed", { ...fields, error: describeError(error) });
      const body = { code: "INTERNAL", message: "Event handler failed", traceId: trace.traceId };
      return c.json(body, errorStatus.INTERNAL);
    }
  });

  return app;
}
