import { findBooking, toBookingView } from "@hometrip/core";
import { bookingPartyProcedure } from "../../procedure-bases.ts";
import { getBookingMeta, ZGetBookingRequestSchema, ZGetBookingResponseSchema } from "./get.types.ts";

export const getBookingProcedure = bookingPartyProcedure
  .meta(getBookingMeta)
  .input(ZGetBookingRequestSchema)
  .output(ZGetBookingResponseSchema)
  .query(async ({ ctx, input }) => {
    ctx.resHeaders.set("Cache-Control", "private, no-store");
    return toBookingView(await findBooking(ctx.services.db, input.bookingId), ctx.services.clock.now());
  });
