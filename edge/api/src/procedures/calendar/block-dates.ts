import { blockDates } from "@hometrip/core";
import { calendarActor } from "../../calendar/actor.ts";
import { listingManagerProcedure } from "../../procedure-bases.ts";
import { blockDatesMeta, ZBlockDatesRequestSchema, ZBlockDatesResponseSchema } from "./block-dates.types.ts";

/**
 * Closes [from, to) by hand; overlapping a booking or another block answers 409 CONFLICT, a range
 * starting before the listing's today 400 BAD_REQUEST.
 */
export const blockDatesProcedure = listingManagerProcedure
  .meta(blockDatesMeta)
  .input(ZBlockDatesRequestSchema)
  .output(ZBlockDatesResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { db, clock } = ctx.services;
    return (await blockDates(db, calendarActor(ctx.actor), input, clock.now())).block;
  });
