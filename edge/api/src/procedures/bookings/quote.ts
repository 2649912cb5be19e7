import { quoteBooking } from "@hometrip/core";
import { authedProcedure } from "../../trpc.ts";
import { quoteBookingMeta, ZQuoteBookingRequestSchema, ZQuoteBookingResponseSchema } from "./quote.types.ts";

/**
 * listings.quote's price for the signed-in guest with a token that books exactly it; never cached
 * (the token names the guest).
 */
export const quoteBookingProcedure = authedProcedure
  .meta(quoteBookingMeta)
  .input(ZQuoteBookingRequestSchema)
  .output(ZQuoteBookingResponseSchema)
  .query(async ({ ctx, input }) => {
    const { db, config, clock } = ctx.services;
    ctx.resHeaders.set("Cache-Control", "private, no-store");
    return quoteBooking(db, config.JWT_SIGNING_KEYS, ctx.actor.userId, input, clock.now());
  });
