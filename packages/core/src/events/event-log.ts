import type { EventPayload, EventType } from "@hometrip/contracts";
import type { Database, DbOrTx } from "@hometrip/db";

/** An outbox row written by this unit of work, as the post-commit step needs it. */
export type RecordedEvent = {
  [T in EventType]: { id: string; type: T; payload: EventPayload<T> };
}[EventType];

/** The events of one unit of work (a request, a job) whose transactions have committed. */
export interface CommittedEvents {
  /** Hands over the committed events not taken yet, oldest first. */
  take(): RecordedEvent[];
}

const sinkKey = Symbol("hometrip.recordedEvents");
const traceKey = Symbol("hometrip.traceparent");
type WithSink = { [sinkKey]?: RecordedEvent[]; [traceKey]?: string };
// The shape the wrapper needs of drizzle's db and tx; it passes their own arguments through untouched.
type Transactional = {
  transaction: (
    run: (tx: Transactional & WithSink) => Promise<unknown>,
    config?: unknown,
  ) => Promise<unknown>;
};

/**
 * A view of `db` for one unit of work that remembers every event `recordEvent` writes through it,
 * and releases an event only once its transaction has committed (a rolled-back event never
 * reaches the post-commit step; an event recorded outside a transaction is committed at once).
 * Nested transactions (savepoints) hand their events to the enclosing one when released. The
 * view shares the pool and everything else with `db`; only `transaction` is its own.
 */
export function trackCommittedEvents(
  db: Database,
  opts: { traceparent?: string } = {},
): { db: Database; events: CommittedEvents } {
  const committed: RecordedEvent[] = [];
  const tracked = Object.create(db) as Database & WithSink;
  tracked[sinkKey] = committed;
  // The unit of work's trace: every event recorded through this view (or its transactions) carries it.
  if (opts.traceparent) tracked[traceKey] = opts.traceparent;
  collectInto(tracked as unknown as Transactional, committed);
  return { db: tracked, events: { take: () => committed.splice(0) } };
}

function collectInto(target: Transactional, parent: RecordedEvent[]): void {
  const original = target.transaction.bind(target);
  target.transaction = async (run, config) => {
    const pending: RecordedEvent[] = [];
    const result = await original(async (tx: Transactional & WithSink) => {
      tx[sinkKey] = pending;
      const traceparent = (target as WithSink)[traceKey];
      if (traceparent) tx[traceKey] = traceparent;
      collectInto(tx, pending);
      return run(tx);
    }, config);
    parent.push(...pending);
    return result;
  };
}

/** Called by `recordEvent` once the outbox row is written; a database handle that is not tracked ignores it. */
export function noteRecordedEvent(db: DbOrTx, event: RecordedEvent): void {
  (db as WithSink)[sinkKey]?.push(event);
}

/** The traceparent of the unit of work `db` was tracked for, if it has one. */
export function traceparentOf(db: DbOrTx): string | undefined {
  return (db as WithSink)[traceKey];
}
