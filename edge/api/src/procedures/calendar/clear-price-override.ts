import { clearPriceOverride } from "@hometrip/core";
import { calendarActor } from "../../calendar/actor.ts";
import { listingManagerProcedure } from "../../procedure-bases.ts";
import {
  clearPriceOverrideMeta,
  ZClearPriceOverrideRequestSchema,
  ZClearPriceOverrideResponseSchema,
} from "./clear-price-override.types.ts";

/** `removed` is false when the night had no override (nothing is published then). */
export const clearPriceOverrideProcedure = listingManagerProcedure
  .meta(clearPriceOverrideMeta)
  .input(ZClearPriceOverrideRequestSchema)
  .output(ZClearPriceOverrideResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { removed } = await clearPriceOverride(ctx.services.db, calendarActor(ctx.actor), input);
    return { removed };
  });
