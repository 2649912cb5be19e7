import { paymentStatuses, payoutStatuses, refundStatuses } from "@hometrip/contracts/enums";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bookings } from "./bookings.ts";
import { currency, currencyIsIso, id, money, timestamps } from "./columns.ts";
import { users } from "./users.ts";

export const paymentStatus = pgEnum("payment_status", paymentStatuses);
export const refundStatus = pgEnum("refund_status", refundStatuses);
export const payoutStatus = pgEnum("payout_status", payoutStatuses);

/** A guest's charge for a booking (a Stripe PaymentIntent in production). */
export const payments = pgTable(
  "payments",
  {
    id: id(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id, { onDelete: "restrict" }),
    amount: money("amount"),
    currency: currency(),
    status: paymentStatus("status").notNull().default("pending"),
    provider: text("provider").notNull().default("stripe"),
    providerPaymentId: text("provider_payment_id").unique(),
    failureReason: text("failure_reason"),
    capturedAt: timestamp("captured_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index("payments_booking_id_idx").on(t.bookingId),
    check("payments_amount_non_negative", sql`${t.amount} >= 0`),
    check("payments_currency_iso", currencyIsIso(t.currency)),
  ],
);

export const refunds = pgTable(
  "refunds",
  {
    id: id(),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id, { onDelete: "restrict" }),
    amount: money("amount"),
    currency: currency(),
    status: refundStatus("status").notNull().default("pending"),
    reason: text("reason"),
    providerRefundId: text("provider_refund_id").unique(),
    ...timestamps(),
  },
  (t) => [
    index("refunds_payment_id_idx").on(t.paymentId),
    check("refunds_amount_positive", sql`${t.amount} > 0`),
    check("refunds_currency_iso", currencyIsIso(t.currency)),
  ],
);

/** Money owed to a host for a booking, released after check-in (a Stripe Connect transfer). */
export const payouts = pgTable(
  "payouts",
  {
    id: id(),
    hostId: uuid("host_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "restrict" }),
    amount: money("amount"),
    currency: currency(),
    status: payoutStatus("status").notNull().default("scheduled"),
    scheduledFor: date("scheduled_for", { mode: "string" }).notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    providerTransferId: text("provider_transfer_id").unique(),
    failureReason: text("failure_reason"),
    /** When a payout run took it (status in_transit); a run that died leaves it for the next one. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    /** Taken back from the host (transfer reversals), in minor units. */
    reversedAmount: integer("reversed_amount").notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index("payouts_host_id_idx").on(t.hostId),
    // One payout per booking: the release job inserts it, a second run finds it there.
    uniqueIndex("payouts_booking_id_key").on(t.bookingId),
    index("payouts_status_scheduled_for_idx").on(t.status, t.scheduledFor),
    check("payouts_amount_non_negative", sql`${t.amount} >= 0`),
    check("payouts_currency_iso", currencyIsIso(t.currency)),
  ],
);

/**
 * Stripe webhook events received, by Stripe's event id: a redelivery finds its id and stops. The
 * event is kept whole so the workers apply it from here, never from a second call to Stripe.
 */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    /** The object the event is about (`data.object.id`): pi_…, acct_…, tr_…, re_…, ch_… */
    objectId: text("object_id"),
    /** The connected account a Connect event came from. */
    account: text("account"),
    /** Stripe's `created`: orders events about one object, which may arrive out of order. */
    stripeCreatedAt: timestamp("stripe_created_at", { withTimezone: true }).notNull(),
    event: jsonb("event").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stripe_events_object_id_idx").on(t.objectId)],
);

export type Payment = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export type Refund = typeof refunds.$inferSelect;
export type NewRefund = typeof refunds.$inferInsert;
export type Payout = typeof payouts.$inferSelect;
export type NewPayout = typeof payouts.$inferInsert;
export type StripeEventRow = typeof stripeEvents.$inferSelect;
