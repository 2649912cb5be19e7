import { bookingStatuses } from "@hometrip/contracts/enums";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { currency, currencyIsIso, id, money, timestamps } from "./columns.ts";
import { listings } from "./listings.ts";
import { users } from "./users.ts";

/**
 * pending, confirmed and completed bookings occupy their dates (see listing_occupancy);
 * cancelled, declined and expired ones free them.
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
    status: bookingStatus("status").notNull().default("pending"),
    /** Night of arrival; the stay is the half-open range [check_in, check_out). */
    checkIn: date("check_in", { mode: "string" }).notNull(),
    checkOut: date("check_out", { mode: "string" }).notNull(),
    guests: integer("guests").notNull(),
    nightlySubtotal: money("nightly_subtotal"),
    cleaningFee: money("cleaning_fee"),
    serviceFee: money("service_fee"),
    taxes: money("taxes"),
    total: money("total"),
    currency: currency(),
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
  ],
);

export type Booking = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;
export type BookingStatus = (typeof bookingStatus.enumValues)[number];
export const occupyingBookingStatuses = [
  "pending",
  "confirmed",
  "completed",
] as const satisfies BookingStatus[];
