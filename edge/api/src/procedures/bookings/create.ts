import { createBooking, toBookingView } from "@hometrip/core";
import { openBookingPayment } from "../../bookings/booking-payment.ts";
import { authedProcedure } from "../../trpc.ts";
import {
  createBookingMeta,
  ZCreateBookingRequestSchema,
  ZCreateBookingResponseSchema,
} from "./create.types.ts";

/**
 * Books a quoted stay: a `pending_payment` hold on its dates for 15 minutes at exactly the quoted
 * amounts. The same idempotency key answers with the same booking. Dates taken meanwhile answer
 * 409 CONFLICT ("just taken"); an expired quote or a changed price 409 with `requote`. The
 * answer carries the PaymentIntent's client secret, for the browser to confirm the card with.
 */
export const createBookingProcedure = authedProcedure
  .meta(createBookingMeta)
  .input(ZCreateBookingRequestSchema)
  .output(ZCreateBookingResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { db, config, clock, httpSql } = ctx.services;
    const now = clock.now();
    const created = await createBooking(db, config.JWT_SIGNING_KEYS, ctx.actor.userId, input, now, httpSql);
    const paymentClientSecret = await openBookingPayment(ctx.services, created);
    return { booking: toBookingView(created, now), paymentClientSecret };
  });
