import { acceptBookingRequest, toBookingView } from "@hometrip/core";
import { bookingHostProcedure } from "../../procedure-bases.ts";
import {
  acceptBookingMeta,
  ZAcceptBookingRequestSchema,
  ZAcceptBookingResponseSchema,
} from "./accept.types.ts";

/** requested → confirmed; 403 until the host's payouts are enabled, 409 once the deadline passed. */
export const acceptBookingProcedure = bookingHostProcedure
  .meta(acceptBookingMeta)
  .input(ZAcceptBookingRequestSchema)
  .output(ZAcceptBookingResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const now = ctx.services.clock.now();
    return toBookingView(
      await acceptBookingRequest(ctx.services.db, ctx.actor.userId, input.bookingId, now),
      now,
    );
  });
