import { bookingStatuses } from "@hometrip/contracts/enums";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { currency, currencyIsIso, id, money, timestamps } from "./columns.ts";
import { cancellationPolicy, listings } from "./listings.ts";
import { users } from "./users.ts";

/**
 * pending_payment (a hold while the guest pays), requested and confirmed bookings occupy their
 * dates (see listing_occupancy, migration 0012); every other status frees them.
 */
export const bookingStatus = pgEnum("booking_status", bookingStatuses);

export const bookings = pgTable(
  "bookings",
  {
    id: id(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "restrict" }),
    guestId: uuid("guest_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    status: bookingStatus("status").notNull().default("pending_payment"),
    /** Night of arrival; the stay is the half-open range [check_in, check_out). */
    checkIn: date("check_in", { mode: "string" }).notNull(),
    checkOut: date("check_out", { mode: "string" }).notNull(),
    guests: integer("guests").notNull(),
    /** The nights after any length-of-stay discount. */
    nightlySubtotal: money("nightly_subtotal"),
    cleaningFee: money("cleaning_fee"),
    /** The guest's service fee; part of `total`. */
    serviceFee: money("service_fee"),
    taxes: money("taxes"),
    /** What the guest pays: nights + cleaning + service fee + taxes. */
    total: money("total"),
    /** The platform's cut of the host's share (nights + cleaning); not part of `total`. */
    hostFee: money("host_fee").default(0),
    currency: currency(),
    /** The quote's line-by-line breakdown as the guest saw it (nights, discount, fees, each tax). */
    priceLines: jsonb("price_lines").$type<BookingPriceLine[]>().notNull().default(sql`'[]'::jsonb`),
    /** The listing's policy when booked; a later change of the listing does not apply to it. */
    cancellationPolicy: cancellationPolicy("cancellation_policy").notNull().default("moderate"),
    /** Whether the listing took instant bookings when booked: paid → confirmed, else requested. */
    instantBook: boolean("instant_book").notNull().default(false),
    /** pending_payment: the hold ends here unless paid. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /**
     * pending_payment: cards declined on this booking's PaymentIntent so far. The guest may try
     * another card while the hold lasts; the MAX_PAYMENT_DECLINES-th decline ends it (payment_failed).
     */
    paymentDeclines: smallint("payment_declines").notNull().default(0),
    /** The last decline, as the guest is told it ("Your card has insufficient funds. Try another card."). */
    lastPaymentError: text("last_payment_error"),
    /** requested: the host must answer by then, else the request expires. */
    respondBy: timestamp("respond_by", { withTimezone: true }),
    /** Cancelled: what goes back to the guest (cancellation policy, or all of it by the host). */
    refundAmount: integer("refund_amount"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Client-chosen key so a retried "book" click cannot create a second booking. */
    idempotencyKey: text("idempotency_key").notNull(),
    guestMessage: text("guest_message"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: uuid("cancelled_by").references(() => users.id, { onDelete: "set null" }),
    cancellationReason: text("cancellation_reason"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("bookings_guest_idempotency_key").on(t.guestId, t.idempotencyKey),
    index("bookings_listing_check_in_idx").on(t.listingId, t.checkIn),
    index("bookings_guest_check_in_idx").on(t.guestId, t.checkIn),
    index("bookings_status_check_out_idx").on(t.status, t.checkOut),
    index("bookings_cancelled_by_idx").on(t.cancelledBy),
    // The lifecycle sweep: holds past expires_at, requests past respond_by.
    index("bookings_status_expires_at_idx").on(t.status, t.expiresAt),
    index("bookings_status_respond_by_idx").on(t.status, t.respondBy),
    check("bookings_dates_ordered", sql`${t.checkOut} > ${t.checkIn}`),
    check("bookings_guests_positive", sql`${t.guests} >= 1`),
    check(
      "bookings_money_non_negative",
      sql`${t.nightlySubtotal} >= 0 and ${t.cleaningFee} >= 0 and ${t.serviceFee} >= 0 and ${t.taxes} >= 0`,
    ),
    check(
      "bookings_total_is_sum",
      sql`${t.total} = ${t.nightlySubtotal} + ${t.cleaningFee} + ${t.serviceFee} + ${t.taxes}`,
    ),
    check("bookings_currency_iso", currencyIsIso(t.currency)),
    check("bookings_host_fee_non_negative", sql`${t.hostFee} >= 0`),
    check("bookings_payment_declines_non_negative", sql`${t.paymentDeclines} >= 0`),
    check("bookings_refund_within_total", sql`${t.refundAmount} between 0 and ${t.total}`),
  ],
);

export type Booking = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;
export type BookingStatus = (typeof bookingStatus.enumValues)[number];
export const occupyingBookingStatuses = [
  "pending_payment",
  "requested",
  "confirmed",
] as const satisfies BookingStatus[];

/** One line of a booking's price as the guest saw it; amounts in minor units (discounts negative). */
export interface BookingPriceLine {
  kind: "nights" | "discount" | "cleaning_fee" | "service_fee" | "tax";
  label: string;
  amount: number;
}
