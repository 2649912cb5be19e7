import * as z from "zod";
import {
  type EventPayload,
  type EventType,
  type EventVersion,
  eventCatalog,
  isEventType,
} from "./catalog.ts";

/** What travels on the wire: the outbox row, with the payload still unchecked. */
export const zEventEnvelope = z.object({
  /** The outbox id; also the broker's deduplication id and the consumer's idempotency key. */
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  payload: z.unknown(),
  /**
   * W3C traceparent of the request that recorded the event; the relay also sends it as the
   * delivery's `traceparent` header. A malformed one is dropped, never a reason to refuse the event.
   */
  traceparent: z.string().max(256).optional().catch(undefined),
});
export type EventEnvelope = z.output<typeof zEventEnvelope>;

export interface TypedEventEnvelope<T extends EventType> {
  id: string;
  type: T;
  version: EventVersion<T>;
  occurredAt: string;
  payload: EventPayload<T>;
  traceparent?: string | undefined;
}

/** Discriminated on `type`: narrowing the type narrows the payload. */
export type KnownEventEnvelope = { [T in EventType]: TypedEventEnvelope<T> }[EventType];

export interface EventIssue {
  path: string;
  message: string;
}

export type EventEnvelopeError =
  | { kind: "malformed_envelope"; message: string; issues: EventIssue[] }
  | { kind: "unknown_type"; message: string; type: string; version: number }
  | { kind: "unknown_version"; message: string; type: EventType; version: number; expected: number }
  | { kind: "invalid_payload"; message: string; type: EventType; version: number; issues: EventIssue[] };

export type ParseEventEnvelopeResult =
  | { ok: true; event: KnownEventEnvelope }
  | { ok: false; error: EventEnvelopeError };

function toIssues(error: z.ZodError): EventIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

/** Checks the envelope, then the payload against the catalog entry for its (type, version). */
export function parseEventEnvelope(input: unknown): ParseEventEnvelopeResult {
  const envelope = zEventEnvelope.safeParse(input);
  if (!envelope.success) {
    const issues = toIssues(envelope.error);
    return { ok: false, error: { kind: "malformed_envelope", message: "Malformed event envelope", issues } };
  }
  const { type, version } = envelope.data;
  if (!isEventType(type)) {
    return {
      ok: false,
      error: { kind: "unknown_type", message: `Unknown event type "${type}"`, type, version },
    };
  }
  const definition = eventCatalog[type];
  if (definition.version !== version) {
    return {
      ok: false,
      error: {
        kind: "unknown_version",
        message: `Unsupported version ${version} of "${type}" (expected ${definition.version})`,
        type,
        version,
        expected: definition.version,
      },
    };
  }
  const payload = definition.payload.safeParse(envelope.data.payload);
  if (!payload.success) {
    const issues = toIssues(payload.error);
    const message = `Invalid payload for "${type}" v${version}`;
    return { ok: false, error: { kind: "invalid_payload", message, type, version, issues } };
  }
  // The catalog lookup above ties payload to type; TS cannot follow that through the index.
  const event = { ...envelope.data, type, version, payload: payload.data } as KnownEventEnvelope;
  return { ok: true, event };
}
