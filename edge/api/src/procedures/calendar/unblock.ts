import { unblockDates } from "@hometrip/core";
import { calendarActor } from "../../calendar/actor.ts";
import { blockManagerProcedure } from "../../procedure-bases.ts";
import { unblockMeta, ZUnblockRequestSchema, ZUnblockResponseSchema } from "./unblock.types.ts";

/** Removes a whole block whatever its dates (an imported one comes back at its feed's next sync). */
export const unblockProcedure = blockManagerProcedure
  .meta(unblockMeta)
  .input(ZUnblockRequestSchema)
  .output(ZUnblockResponseSchema)
  .mutation(
    async ({ ctx, input }) =>
      (await unblockDates(ctx.services.db, calendarActor(ctx.actor), input.blockId)).block,
  );
