import { setPriceOverrides } from "@hometrip/core";
import { calendarActor } from "../../calendar/actor.ts";
import { listingManagerProcedure } from "../../procedure-bases.ts";
import {
  setPriceOverridesMeta,
  ZSetPriceOverridesRequestSchema,
  ZSetPriceOverridesResponseSchema,
} from "./set-price-overrides.types.ts";

/**
 * Prices every night of [from, to) (at most 366, none before the listing's today) in one
 * transaction; one listing.changed event.
 */
export const setPriceOverridesProcedure = listingManagerProcedure
  .meta(setPriceOverridesMeta)
  .input(ZSetPriceOverridesRequestSchema)
  .output(ZSetPriceOverridesResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { db, clock } = ctx.services;
    const { nights } = await setPriceOverrides(db, calendarActor(ctx.actor), input, clock.now());
    return { nights };
  });
