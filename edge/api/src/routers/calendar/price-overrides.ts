import { clearPriceOverrides, setPriceOverrides } from "@hometrip/core";
import { authedProcedure } from "../../trpc.ts";
import { afterCalendarChange, calendarActor } from "./after-change.ts";
import {
  ZClearPriceOverridesRequestSchema,
  ZClearPriceOverridesResponseSchema,
  ZSetPriceOverridesRequestSchema,
  ZSetPriceOverridesResponseSchema,
} from "./price-overrides.types.ts";

/**
 * Prices every night of [from, to) (at most 366, none before the listing's today) in one
 * transaction; one listing.changed event.
 */
export const setPriceOverridesProcedure = authedProcedure
  .input(ZSetPriceOverridesRequestSchema)
  .output(ZSetPriceOverridesResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { db, clock } = ctx.services;
    const { nights, eventId } = await setPriceOverrides(db, calendarActor(ctx.actor), input, clock.now());
    afterCalendarChange(ctx.services, eventId);
    return { nights };
  });

/** Clears the overrides on [from, to); `removed` counts the nights that had one. */
export const clearPriceOverridesProcedure = authedProcedure
  .input(ZClearPriceOverridesRequestSchema)
  .output(ZClearPriceOverridesResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { removed, eventId } = await clearPriceOverrides(ctx.services.db, calendarActor(ctx.actor), input);
    afterCalendarChange(ctx.services, eventId);
    return { removed };
  });
