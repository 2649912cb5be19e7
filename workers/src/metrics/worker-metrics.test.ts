import { parseWorkerMetrics } from "@hometrip/core";
import { describe, expect, it } from "vitest";
import { metricsRoute } from "../routes/metrics.ts";
import { createWorkerMetrics } from "./worker-metrics.ts";

const token = "workers-metrics-token-0123456789";

describe("workers /metrics", () => {
  it("serves prom-client's text to the token holder, in the shape the ops panel reads", async () => {
    const metrics = createWorkerMetrics();
    metrics.delivered("listing.changed", "processed", 0);
    metrics.delivered("listing.changed", "processed", 1);
    metrics.delivered("listing.changed", "failed", 2);
    metrics.delivered("auth.password_changed", "duplicate", 0);
    metrics.handled("listing.changed", 0.02);
    metrics.handled("listing.changed", 0.04);
    const app = metricsRoute(metrics, token);

    const response = await app.request("/metrics", { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain("# TYPE hometrip_worker_handler_duration_seconds histogram");
    expect(parseWorkerMetrics(text)).toEqual([
      {
        eventType: "auth.password_changed",
        processed: 0,
        duplicate: 1,
        failed: 0,
        rejected: 0,
        redelivered: 0,
        meanMs: null,
      },
      {
        eventType: "listing.changed",
        processed: 2,
        duplicate: 0,
        failed: 1,
        rejected: 0,
        redelivered: 2,
        meanMs: 30,
      },
    ]);
  });

  it("refuses anyone without the token, and does not exist without one configured", async () => {
    const metrics = createWorkerMetrics();
    const app = metricsRoute(metrics, token);
    expect((await app.request("/metrics")).status).toBe(401);
    expect((await app.request("/metrics", { headers: { authorization: "Bearer nope" } })).status).toBe(401);
    expect((await metricsRoute(metrics, undefined).request("/metrics")).status).toBe(404);
  });
});
