import { type EdgeCallSample, RollupBuffer, statusClassOf, writeRollupBatches } from "@hometrip/core";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import type { HonoEnv } from "../context.ts";
import { analyticsEngineSink, type DataPointSink } from "../metrics/data-points.ts";
import { requestOrigin } from "../metrics/request-origin.ts";
import { TrpcCallOutcomes } from "../metrics/trpc-call-outcomes.ts";
import { errorFields } from "../services/logger.ts";
import { trpcEndpoint } from "../trpc-wire.ts";

export interface MetricsOptions {
  /** Where data points go; default the `EDGE_METRICS` Analytics Engine binding, or nowhere. */
  dataPoints?: DataPointSink;
}

/**
 * Records every request once it is answered: each call (each call of a tRPC batch, or the HTTP
 * route) with its status, the request's latency and where it landed (`cf`). A data point per call
 * goes to Analytics Engine at once (the binding buffers it; no I/O here); the minute rollups in
 * Redis are summed in the isolate and written as one pipeline after the response, at most every
 * METRICS_FLUSH_SECONDS. Runs inside `init`, so its background write is drained with the
 * request's other tasks. `procedurePaths`: the tRPC procedures that are labels of their own.
 */
export const recordMetrics = (procedurePaths: ReadonlySet<string>, opts: MetricsOptions = {}) =>
  createMiddleware<HonoEnv>(async (c, next) => {
    const started = Date.now();
    const outcomes = new TrpcCallOutcomes(procedurePaths);
    c.set("trpcCallOutcomes", outcomes);
    await next();
    const latencyMs = Date.now() - started;
    const services = c.get("services");
    const origin = requestOrigin(c.req.raw);
    const calls = c.req.path.startsWith(`${trpcEndpoint}/`)
      ? outcomes.calls(c.req.url, c.res.status)
      : [{ procedure: httpRouteOf(c), status: c.res.status }];

    const sink =
      opts.dataPoints ??
      analyticsEngineSink((c.env as { EDGE_METRICS?: AnalyticsEngineDataset }).EDGE_METRICS);
    for (const call of calls) {
      sink.write({
        ...call,
        statusClass: statusClassOf(call.status),
        ...origin,
        method: c.req.method,
        latencyMs,
        batchSize: calls.length,
      });
    }
    const samples: EdgeCallSample[] = calls.map((call) => ({
      ...call,
      latencyMs,
      region: origin.continent,
      colo: origin.colo,
    }));
    const now = services.clock.now();
    services.isolate.rollups ??= new RollupBuffer(
      services.config.METRICS_FLUSH_SECONDS * 1000,
      now.getTime(),
    );
    const buffer = services.isolate.rollups;
    buffer.add(services.config.METRICS_KEY_PREFIX, now, samples);
    const due = buffer.takeDue(now.getTime());
    if (due.length === 0) return;
    services.waitUntil(
      writeRollupBatches(services.metricsRedis, due).catch((error: unknown) =>
        services.logger.warn("metrics rollup not written", errorFields(error)),
      ),
    );
  });

/** `GET /listing-photos/:key`: the route pattern, never the raw path (ids would explode the series). */
function httpRouteOf(c: Context<HonoEnv>): string {
  const route = [...matchedRoutes(c)].reverse().find((r) => r.method !== "ALL");
  return route ? `${c.req.method} ${route.path}` : "unmatched";
}
