/**
 * W3C Trace Context (`traceparent: 00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags>`),
 * the one header every hop of a request passes on: browser → web proxy → API Worker → outbox →
 * QStash (`Upstash-Forward-traceparent`) → workers. Each hop keeps the trace id and names itself
 * with a new span id; an absent or malformed header starts a new trace rather than failing.
 */
export type TraceContext = {
  traceId: string;
  /** This hop's span; what it sends on as the parent. */
  spanId: string;
  /** The caller's span, when the trace came in with the request. */
  parentSpanId: string | null;
  sampled: boolean;
  /** The header to send to the next hop (parent = this hop's span). */
  traceparent: string;
};

const headerPattern = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const zeros = /^0+$/;

export function parseTraceparent(
  value: string | null | undefined,
): { traceId: string; parentSpanId: string; sampled: boolean } | null {
  const match = headerPattern.exec((value ?? "").trim());
  if (!match) return null;
  const [, version, traceId, parentSpanId, flags, rest] = match as unknown as string[];
  // Version ff is invalid; version 00 has nothing after the flags; later versions may append fields.
  if (version === "ff" || (version === "00" && rest !== undefined)) return null;
  if (zeros.test(traceId as string) || zeros.test(parentSpanId as string)) return null;
  return {
    traceId: traceId as string,
    parentSpanId: parentSpanId as string,
    sampled: (Number.parseInt(flags as string, 16) & 1) === 1,
  };
}

const hexOfByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** Random bytes as an id in hex; all zeros is invalid (2^-64 at worst, but cheap to rule out). */
function nonZeroHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += hexOfByte[byte];
  return zeros.test(hex) ? nonZeroHex(crypto.getRandomValues(new Uint8Array(bytes.length))) : hex;
}

export function formatTraceparent(traceId: string, spanId: string, sampled: boolean): string {
  return `00-${traceId}-${spanId}-${sampled ? "01" : "00"}`;
}

/** This hop's context: the incoming trace continued with a new span, or a new sampled trace. */
export function continueTrace(incoming: string | null | undefined): TraceContext {
  const parent = parseTraceparent(incoming);
  // One draw for both ids: every request starts a span, most a trace too.
  const bytes = crypto.getRandomValues(new Uint8Array(parent ? 8 : 24));
  const spanId = nonZeroHex(bytes.subarray(0, 8));
  const traceId = parent?.traceId ?? nonZeroHex(bytes.subarray(8));
  const sampled = parent?.sampled ?? true;
  return {
    traceId,
    spanId,
    parentSpanId: parent?.parentSpanId ?? null,
    sampled,
    traceparent: formatTraceparent(traceId, spanId, sampled),
  };
}

/** A header value for an outgoing call that starts a trace here (the browser's page actions). */
export function newTraceparent(): string {
  return continueTrace(null).traceparent;
}
