import { clearPriceOverride, setPriceOverride } from "@hometrip/core";
import { authedProcedure } from "../../trpc.ts";
import { afterCalendarChange, calendarActor } from "./after-change.ts";
import {
  ZClearPriceOverrideRequestSchema,
  ZClearPriceOverrideResponseSchema,
  ZSetPriceOverrideRequestSchema,
  ZSetPriceOverrideResponseSchema,
} from "./price-override.types.ts";

export const setPriceOverrideProcedure = authedProcedure
  .input(ZSetPriceOverrideRequestSchema)
  .output(ZSetPriceOverrideResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { db, clock } = ctx.services;
    const { eventId } = await setPriceOverride(db, calendarActor(ctx.actor), input, clock.now());
    afterCalendarChange(ctx.services, eventId);
    return { date: input.date, price: input.price };
  });

export const clearPriceOverrideProcedure = authedProcedure
  .input(ZClearPriceOverrideRequestSchema)
  .output(ZClearPriceOverrideResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { removed, eventId } = await clearPriceOverride(ctx.services.db, calendarActor(ctx.actor), input);
    afterCalendarChange(ctx.services, eventId);
    return { removed };
  });
