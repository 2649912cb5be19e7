import { declineBookingRequest, toBookingView } from "@hometrip/core";
import { bookingHostProcedure } from "../../procedure-bases.ts";
import {
  declineBookingMeta,
  ZDeclineBookingRequestSchema,
  ZDeclineBookingResponseSchema,
} from "./decline.types.ts";

/** requested → declined: the dates are free again and the guest's payment is voided (workers). */
export const declineBookingProcedure = bookingHostProcedure
  .meta(declineBookingMeta)
  .input(ZDeclineBookingRequestSchema)
  .output(ZDeclineBookingResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const now = ctx.services.clock.now();
    const declined = await declineBookingRequest(
      ctx.services.db,
      ctx.actor.userId,
      input.bookingId,
      input.reason,
      now,
    );
    return toBookingView(declined, now);
  });
