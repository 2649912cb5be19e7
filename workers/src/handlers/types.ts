import type { EventType, TraceContext, TypedEventEnvelope } from "@hometrip/contracts";
import type { Logger } from "@hometrip/core";
import type { Tx } from "@hometrip/db";

export interface EventContext<T extends EventType> {
  /** The transaction that also records the event as processed: write effects through it only. */
  tx: Tx;
  event: TypedEventEnvelope<T>;
  /** Writes every line with the delivery's trace id. */
  log: Logger;
  now: Date;
  /** The delivery's trace (from its `traceparent` header), continued with this handler's span. */
  trace: TraceContext;
}

export type EventHandler<T extends EventType> = (ctx: EventContext<T>) => Promise<void>;

/**
 * Exhaustive on purpose: adding an event to the catalog fails the type check here until someone
 * decides what consumes it (a handler, or `acknowledgeOnly` when nothing needs to react yet).
 */
export type EventHandlers = { [T in EventType]: EventHandler<T> };

export const acknowledgeOnly: EventHandler<EventType> = async () => {};
