import { continueTrace, type TraceContext } from "@hometrip/contracts";
import { type Logger, withLogFields } from "@hometrip/core";
import { createMiddleware } from "hono/factory";

/** What every request of the workers app carries: its trace and a logger stamped with the trace id. */
export type TracedVariables = { trace: TraceContext; log: Logger };
export type TracedEnv = { Variables: TracedVariables };

/**
 * Gives each request (a QStash delivery, a schedule's job, a health probe) a trace: the incoming
 * `traceparent` continued with a span of its own — QStash delivers an `Upstash-Forward-traceparent`
 * as `traceparent` — or a new trace when there is none. `c.var.log` stamps its id on every line the
 * request writes, the signature check's included; `x-trace-id` answers it.
 */
export function traceRequests(log: Logger) {
  return createMiddleware<TracedEnv>(async (c, next) => {
    const trace = continueTrace(c.req.header("traceparent"));
    c.set("trace", trace);
    c.set("log", withLogFields(log, { traceId: trace.traceId }));
    await next();
    c.header("x-trace-id", trace.traceId);
  });
}
