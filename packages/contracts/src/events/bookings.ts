import * as z from "zod";
import { zBookingStatus } from "../enums.ts";
import { defineEvent } from "./define.ts";

export const bookingEvents = {
  "booking.transitioned": defineEvent({
    version: 1,
    description:
      "A booking changed status (core's state machine: bookings/state-machine.ts), or was created " +
      "(`from` null, `to` pending_payment). Recorded in the transaction of the change. The workers " +
      "move money (capture, void, refund), schedule the lifecycle deadlines and notify; search " +
      "availability changes with it.",
    payload: z.object({
      bookingId: z.uuid(),
      listingId: z.uuid(),
      guestId: z.uuid(),
      hostId: z.uuid(),
      from: zBookingStatus.nullable(),
      to: zBookingStatus,
      checkIn: z.iso.date(),
      checkOut: z.iso.date(),
      /** What the guest pays, minor units of `currency`. */
      total: z.int().nonnegative(),
      currency: z.string().length(3),
      at: z.iso.datetime({ offset: true }),
    }),
  }),
} as const;
