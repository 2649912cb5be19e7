import { type Logger, type RecordedEvent, runPostCommit } from "@hometrip/core";
import type { WorkerDeps } from "../deps.ts";

/** Runs once a unit of work's transaction has committed, with the events it recorded. */
export type AfterCommit = (events: RecordedEvent[], log: Logger) => Promise<void>;

/**
 * The workers' post-commit step, the same one the API runs (core/events/post-commit.ts): the
 * committed events' cache invalidations, their room deliveries (a stored notification into its
 * member's user room), then the relay of the events to the broker now rather than at the next
 * outbox sweep. Nothing here runs for a transaction that rolled back.
 */
export function workerAfterCommit(
  deps: Pick<WorkerDeps, "db" | "publisher" | "searchCache" | "rooms">,
): AfterCommit {
  return (events, log) =>
    runPostCommit(events, {
      db: deps.db,
      publisher: deps.publisher,
      log,
      cacheRedis: deps.searchCache?.redis ?? null,
      cachePrefix: deps.searchCache?.prefix,
      relay: (task) => task.then(() => {}),
      rooms: deps.rooms ?? null,
    });
}
