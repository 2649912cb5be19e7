import { type DbOrTx, systemPings } from "@hometrip/db";

/** The visible effect of a `system.pinged` event: one row per event, whatever the redeliveries. */
export async function recordSystemPing(
  tx: DbOrTx,
  ping: { eventId: string; note: string; requestedBy: string; receivedAt: Date },
): Promise<void> {
  // event_id is unique as a second line of defence behind processed_events.
  await tx.insert(systemPings).values(ping).onConflictDoNothing({ target: systemPings.eventId });
}
