import { setPriceOverride } from "@hometrip/core";
import { calendarActor } from "../../calendar/actor.ts";
import { listingManagerProcedure } from "../../procedure-bases.ts";
import {
  setPriceOverrideMeta,
  ZSetPriceOverrideRequestSchema,
  ZSetPriceOverrideResponseSchema,
} from "./set-price-override.types.ts";

/** The one-night case of `calendar.setPriceOverrides`. */
export const setPriceOverrideProcedure = listingManagerProcedure
  .meta(setPriceOverrideMeta)
  .input(ZSetPriceOverrideRequestSchema)
  .output(ZSetPriceOverrideResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { db, clock } = ctx.services;
    await setPriceOverride(db, calendarActor(ctx.actor), input, clock.now());
    return { date: input.date, price: input.price };
  });
