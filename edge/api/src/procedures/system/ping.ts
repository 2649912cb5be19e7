import { recordEvent } from "@hometrip/core";
import { operatorProcedure } from "../../trpc.ts";
import { pingMeta, ZPingRequestSchema, ZPingResponseSchema } from "./ping.types.ts";

/**
 * Sends one `system.pinged` event through the whole pipeline: outbox row committed here, relayed
 * to QStash by the post-commit step, handled by workers/. The outbox sweep catches a failed relay.
 */
export const pingProcedure = operatorProcedure
  .meta(pingMeta)
  .input(ZPingRequestSchema)
  .output(ZPingResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { id } = await ctx.services.db.transaction((tx) =>
      recordEvent(tx, "system.pinged", { note: input.note, requestedBy: ctx.actor }),
    );
    return { eventId: id };
  });
