import * as z from "zod";
import { daysBetween } from "./dates.ts";
import { zBookingStatus, zCancellationPolicy } from "./enums.ts";
import { zIsoDate, zText } from "./input-bounds.ts";
import { MAX_QUOTE_NIGHTS, priceLineKinds, zStayQuote } from "./listings.ts";

/** How long a signed quote may be booked with, and how long a hold waits for payment. */
export const QUOTE_TTL_SECONDS = 15 * 60;
export const PAYMENT_HOLD_MINUTES = 15;
/**
 * Cards a guest may have declined while a hold lasts: each decline keeps the booking waiting for
 * payment (another card, same PaymentIntent), and this many end it as payment_failed.
 */
export const MAX_PAYMENT_DECLINES = 3;
/** How long a host has to answer a request to book. */
export const REQUEST_RESPONSE_HOURS = 24;
export const MAX_GUESTS = 50;

const zStay = z
  .object({
    listingId: z.uuid(),
    checkIn: zIsoDate,
    checkOut: zIsoDate,
    guests: z.int().min(1).max(MAX_GUESTS),
  })
  .refine((q) => q.checkOut > q.checkIn, { message: "must be after checkIn", path: ["checkOut"] })
  .refine((q) => daysBetween(q.checkIn, q.checkOut) <= MAX_QUOTE_NIGHTS, {
    message: `at most ${MAX_QUOTE_NIGHTS} nights`,
    path: ["checkOut"],
  });

export const zBookingQuoteInput = zStay;
export type BookingQuoteInput = z.infer<typeof zBookingQuoteInput>;

/** listings.quote's answer plus what booking with it needs: a signed token and when it lapses. */
export const zBookingQuote = zStayQuote.extend({
  guests: z.int().positive(),
  /** null when the dates cannot be booked (see `available`). */
  quoteToken: z.string().nullable(),
  quoteExpiresAt: z.iso.datetime().nullable(),
});
export type BookingQuote = z.infer<typeof zBookingQuote>;

export const zCreateBookingInput = z.object({
  quoteToken: zText({ max: 2048, min: 1 }),
  guests: z.int().min(1).max(MAX_GUESTS),
  message: zText({ max: 2000, multiline: true }).optional(),
  /** Chosen by the client once per "book" click; a retry with it returns the same booking. */
  idempotencyKey: zText({ max: 100, min: 8 }).regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only"),
});
export type CreateBookingInput = z.infer<typeof zCreateBookingInput>;

export const zBookingIdInput = z.object({ bookingId: z.uuid() });
export const zBookingReasonInput = z.object({
  bookingId: z.uuid(),
  reason: zText({ max: 500, multiline: true }).optional(),
});

export const zCancellationPreview = z.object({
  bookingId: z.uuid(),
  policy: zCancellationPolicy,
  cancelledBy: z.enum(["guest", "host"]),
  total: z.int().nonnegative(),
  refund: z.int().nonnegative(),
  nights: z.int().positive(),
  nightsRefund: z.int().nonnegative(),
  cleaningFeeRefund: z.int().nonnegative(),
  serviceFeeRefund: z.int().nonnegative(),
  taxesRefund: z.int().nonnegative(),
  /** The rule that applied, in the guest's words. */
  rule: z.string(),
  currency: z.string(),
});
export type CancellationPreview = z.infer<typeof zCancellationPreview>;

export const zBookingView = z.object({
  id: z.uuid(),
  listingId: z.uuid(),
  listingTitle: z.string(),
  listingTimezone: z.string(),
  guestId: z.uuid(),
  hostId: z.uuid(),
  status: zBookingStatus,
  checkIn: zIsoDate,
  checkOut: zIsoDate,
  guests: z.int().positive(),
  currency: z.string(),
  total: z.int().nonnegative(),
  serviceFee: z.int().nonnegative(),
  taxes: z.int().nonnegative(),
  hostFee: z.int().nonnegative(),
  lines: z.array(z.object({ kind: z.enum(priceLineKinds), label: z.string(), amount: z.int() })),
  cancellationPolicy: zCancellationPolicy,
  instantBook: z.boolean(),
  guestMessage: z.string().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  respondBy: z.iso.datetime().nullable(),
  /** Seconds the host has left to answer a request; null unless requested. */
  secondsToRespond: z.int().nonnegative().nullable(),
  refundAmount: z.int().nonnegative().nullable(),
  /** Cards declined on this booking so far. */
  paymentDeclines: z.int().nonnegative(),
  /**
   * Why the last card was refused, in a sentence for the guest ("Your card has insufficient
   * funds. Try another card."); null unless the booking still waits for payment or ended unpaid.
   */
  lastPaymentError: z.string().nullable(),
  /** Cards the guest may still try before the hold ends (pending_payment only, else null). */
  paymentAttemptsLeft: z.int().nonnegative().nullable(),
  createdAt: z.iso.datetime(),
  statusChangedAt: z.iso.datetime(),
});
export type BookingView = z.infer<typeof zBookingView>;

export const zCreatedBooking = z.object({
  booking: zBookingView,
  /** The PaymentIntent's client secret the browser confirms; null once the booking is past payment. */
  paymentClientSecret: z.string().nullable(),
});

export const guestTripGroups = ["upcoming", "past", "cancelled"] as const;
export const zGuestTripsInput = z.object({ group: z.enum(guestTripGroups) });
export const hostReservationGroups = ["requests", "upcoming", "past"] as const;
export const zHostReservationsInput = z.object({ group: z.enum(hostReservationGroups) });
export const zBookingList = z.array(zBookingView);
