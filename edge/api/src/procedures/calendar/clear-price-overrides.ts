import { clearPriceOverrides } from "@hometrip/core";
import { calendarActor } from "../../calendar/actor.ts";
import { listingManagerProcedure } from "../../procedure-bases.ts";
import {
  clearPriceOverridesMeta,
  ZClearPriceOverridesRequestSchema,
  ZClearPriceOverridesResponseSchema,
} from "./clear-price-overrides.types.ts";

/** Clears the overrides on [from, to); `removed` counts the nights that had one. */
export const clearPriceOverridesProcedure = listingManagerProcedure
  .meta(clearPriceOverridesMeta)
  .input(ZClearPriceOverridesRequestSchema)
  .output(ZClearPriceOverridesResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { removed } = await clearPriceOverrides(ctx.services.db, calendarActor(ctx.actor), input);
    return { removed };
  });
