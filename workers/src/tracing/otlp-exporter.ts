import type { Logger } from "@hometrip/core";

/** One finished unit of work in a trace, as the workers record it (a delivery handled, a job run). */
export interface FinishedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  startMs: number;
  endMs: number;
  ok: boolean;
  attributes: Record<string, string | number | boolean>;
}

export interface SpanRecorder {
  record(span: FinishedSpan): void;
  /** Sends what is buffered; resolves when the collector answered (or gave up). */
  flush(): Promise<void>;
}

export const noSpans: SpanRecorder = { record() {}, flush: async () => {} };

type AnyValue =
  | { stringValue: string }
  | { intValue: string }
  | { doubleValue: number }
  | { boolValue: boolean };

function value(v: string | number | boolean): AnyValue {
  if (typeof v === "string") return { stringValue: v };
  if (typeof v === "boolean") return { boolValue: v };
  return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
}

const attributes = (record: Record<string, string | number | boolean>) =>
  Object.entries(record).map(([key, v]) => ({ key, value: value(v) }));

const nanos = (ms: number) => `${BigInt(Math.round(ms * 1000)) * 1000n}`;

/**
 * OTLP/HTTP JSON export of the workers' spans to `${endpoint}/v1/traces` (any OpenTelemetry
 * collector, Jaeger ≥ 1.35, Grafana Tempo). A few dozen lines instead of the OpenTelemetry SDK:
 * the workers have one kind of span and already carry the W3C context by hand. Spans are
 * batched (up to `maxBatch`, or every `intervalMs`); a collector that is down costs the spans,
 * never a delivery.
 */
export function createOtlpExporter(opts: {
  endpoint: string;
  serviceName: string;
  headers?: Record<string, string>;
  log: Logger;
  maxBatch?: number;
  intervalMs?: number;
  fetch?: typeof fetch;
}): SpanRecorder & { shutdown(): Promise<void> } {
  const url = `${opts.endpoint.replace(/\/+$/, "")}/v1/traces`;
  const send = opts.fetch ?? fetch;
  const maxBatch = opts.maxBatch ?? 256;
  let buffer: FinishedSpan[] = [];
  let inFlight: Promise<void> = Promise.resolve();

  const exportBatch = async (spans: FinishedSpan[]) => {
    const body = {
      resourceSpans: [
        {
          resource: { attributes: attributes({ "service.name": opts.serviceName }) },
          scopeSpans: [
            {
              scope: { name: "hometrip-workers" },
              spans: spans.map((span) => ({
                traceId: span.traceId,
                spanId: span.spanId,
                ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
                name: span.name,
                kind: 5, // CONSUMER: a message taken from the queue
                startTimeUnixNano: nanos(span.startMs),
                endTimeUnixNano: nanos(span.endMs),
                attributes: attributes(span.attributes),
                status: { code: span.ok ? 1 : 2 },
              })),
            },
          ],
        },
      ],
    };
    try {
      const answer = await send(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...opts.headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      if (!answer.ok) opts.log.warn("trace export refused", { status: answer.status, spans: spans.length });
    } catch (error) {
      opts.log.warn("trace export failed", { error: String(error), spans: spans.length });
    }
  };

  const flush = () => {
    if (buffer.length === 0) return inFlight;
    const batch = buffer;
    buffer = [];
    inFlight = inFlight.then(() => exportBatch(batch));
    return inFlight;
  };
  const timer = setInterval(() => void flush(), opts.intervalMs ?? 2000);
  // The timer alone must not keep the process alive at shutdown.
  (timer as { unref?: () => void }).unref?.();

  return {
    record(span) {
      buffer.push(span);
      if (buffer.length >= maxBatch) void flush();
    },
    flush,
    async shutdown() {
      clearInterval(timer);
      await flush();
    },
  };
}

/** `OTEL_EXPORTER_OTLP_HEADERS` as the spec writes it: `key=value,key2=value2` (values URL-encoded). */
export function parseOtlpHeaders(value: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (value ?? "").split(",")) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    headers[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
}
