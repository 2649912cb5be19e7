import { blockDates, unblockDates } from "@hometrip/core";
import { authedProcedure } from "../../trpc.ts";
import { afterCalendarChange, calendarActor } from "./after-change.ts";
import {
  ZBlockDatesRequestSchema,
  ZBlockDatesResponseSchema,
  ZUnblockRequestSchema,
  ZUnblockResponseSchema,
} from "./block-dates.types.ts";

/**
 * Closes [from, to) by hand; overlapping a booking or another block answers 409 CONFLICT, a range
 * starting before the listing's today 400 BAD_REQUEST.
 */
export const blockDatesProcedure = authedProcedure
  .input(ZBlockDatesRequestSchema)
  .output(ZBlockDatesResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { db, clock } = ctx.services;
    const { block, eventId } = await blockDates(db, calendarActor(ctx.actor), input, clock.now());
    afterCalendarChange(ctx.services, eventId);
    return block;
  });

export const unblockProcedure = authedProcedure
  .input(ZUnblockRequestSchema)
  .output(ZUnblockResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { block, eventId } = await unblockDates(ctx.services.db, calendarActor(ctx.actor), input.blockId);
    afterCalendarChange(ctx.services, eventId);
    return block;
  });
