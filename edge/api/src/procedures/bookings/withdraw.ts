import { toBookingView, withdrawBookingRequest } from "@hometrip/core";
import { bookingGuestProcedure } from "../../procedure-bases.ts";
import {
  withdrawBookingMeta,
  ZWithdrawBookingRequestSchema,
  ZWithdrawBookingResponseSchema,
} from "./withdraw.types.ts";

/** requested → withdrawn: the guest takes back a request the host has not answered. */
export const withdrawBookingProcedure = bookingGuestProcedure
  .meta(withdrawBookingMeta)
  .input(ZWithdrawBookingRequestSchema)
  .output(ZWithdrawBookingResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const now = ctx.services.clock.now();
    return toBookingView(
      await withdrawBookingRequest(ctx.services.db, ctx.actor.userId, input.bookingId, now),
      now,
    );
  });
