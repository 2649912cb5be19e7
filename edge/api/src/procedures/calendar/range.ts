import { listingCalendar } from "@hometrip/core";
import { calendarActor } from "../../calendar/actor.ts";
import { listingManagerProcedure } from "../../procedure-bases.ts";
import { rangeMeta, ZCalendarRangeRequestSchema, ZCalendarRangeResponseSchema } from "./range.types.ts";

/** The host's view: every night with status, price, and the booking or block holding it. */
export const rangeProcedure = listingManagerProcedure
  .meta(rangeMeta)
  .input(ZCalendarRangeRequestSchema)
  .output(ZCalendarRangeResponseSchema)
  .query(({ ctx, input }) => listingCalendar(ctx.services.db, calendarActor(ctx.actor), input));
