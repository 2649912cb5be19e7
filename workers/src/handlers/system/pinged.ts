import { recordSystemPing } from "@hometrip/core";
import type { EventHandler } from "../types.ts";

export const handleSystemPinged: EventHandler<"system.pinged"> = async ({ tx, event, log, now }) => {
  await recordSystemPing(tx, {
    eventId: event.id,
    note: event.payload.note,
    requestedBy: event.payload.requestedBy,
    receivedAt: now,
  });
  log.info("system ping received", { eventId: event.id, requestedBy: event.payload.requestedBy });
};
