import { listingAvailability, listingCalendar } from "@hometrip/core";
import { authedProcedure, publicProcedure } from "../../trpc.ts";
import { calendarActor } from "./after-change.ts";
import {
  ZAvailabilityRequestSchema,
  ZAvailabilityResponseSchema,
  ZCalendarRangeRequestSchema,
  ZCalendarRangeResponseSchema,
} from "./range.types.ts";

/** The host's view: every night with status, price, and the booking or block holding it. */
export const rangeProcedure = authedProcedure
  .input(ZCalendarRangeRequestSchema)
  .output(ZCalendarRangeResponseSchema)
  .query(({ ctx, input }) => listingCalendar(ctx.services.db, calendarActor(ctx.actor), input));

/** The listing page's 12 months: occupied ranges only, never which are bookings. */
export const availabilityProcedure = publicProcedure
  .input(ZAvailabilityRequestSchema)
  .output(ZAvailabilityResponseSchema)
  .query(({ ctx, input }) => listingAvailability(ctx.services.db, input.listingId, ctx.services.clock.now()));
