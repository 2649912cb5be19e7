import type { Database } from "@hometrip/db";
import { Receiver } from "@upstash/qstash";
import { sql } from "drizzle-orm";
import { createWorkerApp } from "../src/app.ts";
import { createEventHandlers } from "../src/handlers/index.ts";
import { createJsonLogger } from "../src/log.ts";

/** The table `bench:events` counts effects in: one row per application, no unique key. */
export const benchEffectsTable = sql`create table bench_effects (event_id uuid not null)`;

export interface HandlerFailures {
  handlerErrors: number;
  /** The first three error lines, to print. */
  errors: string[];
}

/**
 * The workers app with the platform's handlers, except that `system.pinged` records one effect
 * row per application: nothing but processed_events keeps a redelivered event from adding a second
 * row, so the bench's doubled count tests exactly-once, not the handler. Only error lines are kept:
 * a log line per processed event would measure the terminal, not the path.
 */
export function benchWorkerApp(opts: { db: Database; signingKeys: { current: string; next: string } }) {
  const failures: HandlerFailures = { handlerErrors: 0, errors: [] };
  const app = createWorkerApp({
    db: opts.db,
    receiver: new Receiver({
      currentSigningKey: opts.signingKeys.current,
      nextSigningKey: opts.signingKeys.next,
    }),
    publisher: { publish: async () => {} },
    log: createJsonLogger({ service: "workers" }, (level, line) => {
      if (level !== "error") return;
      failures.handlerErrors++;
      if (failures.errors.length < 3) failures.errors.push(line);
    }),
    handlers: {
      ...createEventHandlers(),
      "system.pinged": async ({ tx, event }) => {
        await tx.execute(sql`insert into bench_effects (event_id) values (${event.id})`);
      },
    },
  });
  return { app, failures };
}
