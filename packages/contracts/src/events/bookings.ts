import * as z from "zod";
import { defineEvent } from "./define.ts";

export const bookingLifecycleStatuses = [
  "pending_payment",
  "requested",
  "confirmed",
  "declined",
  "expired",
  "withdrawn",
  "payment_failed",
  "cancelled_by_guest",
  "cancelled_by_host",
  "completed",
] as const;
export type BookingLifecycleStatus = (typeof bookingLifecycleStatuses)[number];

export const bookingEvents = {
  "booking.transitioned": defineEvent({
    version: 1,
    description:
      "A booking moved from one status to another; the workers notify the guest and/or the host as the new status calls for.",
    payload: z.object({
      bookingId: z.uuid(),
      listingId: z.uuid(),
      guestId: z.uuid(),
      hostId: z.uuid(),
      from: z.enum(bookingLifecycleStatuses).nullable(),
      to: z.enum(bookingLifecycleStatuses),
      checkIn: z.iso.date(),
      checkOut: z.iso.date(),
      /** Integer minor units of `currency`. */
      total: z.number().int().min(0),
      currency: z.string().regex(/^[A-Z]{3}$/),
      at: z.iso.datetime({ offset: true }),
    }),
  }),
} as const;
