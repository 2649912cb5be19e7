import {
  continueTrace,
  type EventType,
  type KnownEventEnvelope,
  type TraceContext,
} from "@hometrip/contracts";
import { describeError, type Logger, trackCommittedEvents } from "@hometrip/core";
import { type Database, processedEvents, transactionOpenedWith } from "@hometrip/db";
import type { EventContext, EventHandlers } from "../handlers/types.ts";
import type { AfterCommit } from "./after-commit.ts";

export type ProcessOutcome = "processed" | "duplicate";

/**
 * Applies an event at most once. The processed_events insert and the handler's writes share one
 * transaction: a redelivery finds the id and does nothing; a handler that throws rolls the id
 * back too, so the broker's retry gets a clean second chance. A concurrent duplicate blocks on
 * the primary key until the first commits, then sees the conflict.
 *
 * Once the transaction has committed, `afterCommit` gets the events the handler recorded (a
 * stored notification's live push, their relay); a rollback hands it nothing. Its failure is
 * logged, not thrown: the event is applied, and a redelivery would only find it a duplicate.
 */
export async function processEvent(
  db: Database,
  handlers: EventHandlers,
  event: KnownEventEnvelope,
  deps: { log: Logger; now: Date; trace?: TraceContext; afterCommit?: AfterCommit },
): Promise<ProcessOutcome> {
  // TS cannot correlate handlers[event.type] with event's own type; the mapped type guarantees it.
  const handler = handlers[event.type] as (ctx: EventContext<EventType>) => Promise<void>;
  const trace = deps.trace ?? continueTrace(event.traceparent);
  // Events the handler records carry the delivery's trace on to the next hop.
  const unit = trackCommittedEvents(db, { traceparent: trace.traceparent });
  // The claim travels with `begin`: one round trip to Neon fewer for every event.
  const claim = unit.db
    .insert(processedEvents)
    .values({ eventId: event.id, eventType: event.type })
    .onConflictDoNothing()
    .returning({ eventId: processedEvents.eventId })
    .getSQL();
  const outcome = await transactionOpenedWith(
    unit.db,
    claim,
    async (tx, claimed): Promise<ProcessOutcome> => {
      if (claimed.length === 0) return "duplicate";
      await handler({ tx, event, log: deps.log, now: deps.now, trace });
      return "processed";
    },
  );
  const committed = unit.events.take();
  if (deps.afterCommit && committed.length > 0) {
    await deps.afterCommit(committed, deps.log).catch((error: unknown) => {
      deps.log.warn("post-commit step failed", { eventId: event.id, error: describeError(error) });
    });
  }
  return outcome;
}
