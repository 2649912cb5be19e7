import { AppError, type EventPayloadInput, type EventType, eventCatalog } from "@hometrip/contracts";
import { type DbOrTx, outbox } from "@hometrip/db";
import { noteRecordedEvent, type RecordedEvent, traceparentOf } from "./event-log.ts";

/**
 * Writes an event to the outbox. Call it with the transaction that makes the domain change, so
 * the event exists if and only if the change committed. A handle from `trackCommittedEvents` also
 * remembers it, so the post-commit step relays it and applies its cache invalidations.
 */
export async function recordEvent<T extends EventType>(
  tx: DbOrTx,
  type: T,
  payload: EventPayloadInput<T>,
): Promise<{ id: string }> {
  const definition = eventCatalog[type];
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success) {
    // A producer handing in a payload its own catalog rejects is a bug, not a caller mistake.
    throw new AppError("INTERNAL", `Refusing to record an invalid "${type}" event`, {
      details: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
      cause: parsed.error,
    });
  }
  const [row] = await tx
    .insert(outbox)
    .values({
      eventType: type,
      eventVersion: definition.version,
      payload: parsed.data,
      traceparent: traceparentOf(tx) ?? null,
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error("outbox insert returned no row");
  noteRecordedEvent(tx, { id: row.id, type, payload: parsed.data } as RecordedEvent);
  return { id: row.id };
}
