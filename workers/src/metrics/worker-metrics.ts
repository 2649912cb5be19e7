import { Counter, Histogram, Registry } from "prom-client";

/**
 * The workers' own Prometheus metrics (one registry per app, so tests get their own): every
 * QStash delivery by event type and outcome, redeliveries, and handler latency.
 */
export function createWorkerMetrics() {
  const registry = new Registry();
  const deliveries = new Counter({
    name: "hometrip_worker_deliveries_total",
    help: "QStash deliveries to /events by event type and outcome (processed, duplicate, failed, rejected).",
    labelNames: ["event_type", "outcome"] as const,
    registers: [registry],
  });
  const redeliveries = new Counter({
    name: "hometrip_worker_redeliveries_total",
    help: "Deliveries the broker marked as a retry (Upstash-Retried > 0), by event type.",
    labelNames: ["event_type"] as const,
    registers: [registry],
  });
  const handlerSeconds = new Histogram({
    name: "hometrip_worker_handler_duration_seconds",
    help: "Time to apply one event (handler and its transaction), by event type.",
    labelNames: ["event_type"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    registry,
    delivered(
      eventType: string,
      outcome: "processed" | "duplicate" | "failed" | "rejected",
      retried: number,
    ) {
      deliveries.inc({ event_type: eventType, outcome });
      if (retried > 0) redeliveries.inc({ event_type: eventType });
    },
    handled(eventType: string, seconds: number) {
      handlerSeconds.observe({ event_type: eventType }, seconds);
    },
  };
}

export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;
