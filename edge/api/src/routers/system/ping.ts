import { recordEvent, relayOutbox } from "@hometrip/core";
import { operatorProcedure } from "../../trpc.ts";
import { ZPingRequestSchema, ZPingResponseSchema } from "./ping.types.ts";

/**
 * Sends one `system.pinged` event through the whole pipeline: outbox row committed here, relayed
 * to QStash after the response, handled by workers/. The scheduled sweep catches a failed relay.
 */
export const pingProcedure = operatorProcedure
  .input(ZPingRequestSchema)
  .output(ZPingResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { db, publisher, logger } = ctx.services;
    const { id } = await db.transaction((tx) =>
      recordEvent(tx, "system.pinged", { note: input.note, requestedBy: ctx.actor }),
    );
    ctx.services.waitUntil(relayOutbox(db, publisher, { ids: [id], log: logger }));
    return { eventId: id };
  });
