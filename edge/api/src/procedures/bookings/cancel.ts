import { cancelBooking, toBookingView } from "@hometrip/core";
import { bookingPartyProcedure } from "../../procedure-bases.ts";
import {
  cancelBookingMeta,
  ZCancelBookingRequestSchema,
  ZCancelBookingResponseSchema,
} from "./cancel.types.ts";

/**
 * confirmed → cancelled_by_guest (refund by the booking's policy) or cancelled_by_host (refund in
 * full). The refund recorded is the one previewCancellation shows; the workers pay it back.
 */
export const cancelBookingProcedure = bookingPartyProcedure
  .meta(cancelBookingMeta)
  .input(ZCancelBookingRequestSchema)
  .output(ZCancelBookingResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const now = ctx.services.clock.now();
    const { found, preview } = await cancelBooking(
      ctx.services.db,
      ctx.actor.userId,
      input.bookingId,
      input.reason,
      now,
    );
    return { booking: toBookingView(found, now), refund: preview };
  });
