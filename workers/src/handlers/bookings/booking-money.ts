import type { EventPayload } from "@hometrip/contracts";
import type { Logger } from "@hometrip/core";
import { bookings, payments, refunds, type Tx } from "@hometrip/db";
import {
  cancelBookingPayment,
  captureBookingPayment,
  refundBookingPayment,
  type Stripe,
} from "@hometrip/payments";
import { and, desc, eq, isNotNull } from "drizzle-orm";

type Transition = EventPayload<"booking.transitioned">;

/**
 * The intent is cancelled when the booking ends unpaid or unaccepted. payment_failed too: Stripe
 * keeps a declined intent confirmable (requires_payment_method), and a card tried after the last
 * allowed decline must not be held for a booking that no longer exists.
 */
const voidedBy = new Set(["declined", "expired", "withdrawn", "payment_failed"]);

/**
 * The money a booking's transition moves, at Stripe: capture when confirmed, void the hold on
 * decline, expiry, withdrawal or the last declined card, refund by policy on cancellation. Every call carries an
 * idempotency key from the booking's payment or from the event (the refund row's id is the event
 * id), so a delivery that crashes half way and comes again moves the money once.
 */
export async function moveBookingMoney(
  tx: Tx,
  stripe: Stripe,
  transition: Transition,
  eventId: string,
  log: Logger,
): Promise<void> {
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.bookingId, transition.bookingId), isNotNull(payments.providerPaymentId)))
    .orderBy(desc(payments.createdAt))
    .limit(1);
  if (!payment?.providerPaymentId) {
    if (transition.to !== "pending_payment") log.info("booking has no payment to move", { ...transition });
    return;
  }
  const intentId = payment.providerPaymentId;
  if (transition.to === "confirmed") {
    await captureBookingPayment(stripe, intentId);
    await tx
      .update(payments)
      .set({ status: "succeeded", capturedAt: new Date() })
      .where(eq(payments.id, payment.id));
  } else if (voidedBy.has(transition.to)) {
    await cancelBookingPayment(
      stripe,
      intentId,
      transition.to === "withdrawn" ? "requested_by_customer" : "abandoned",
    );
    await tx
      .update(payments)
      .set({
        status: "failed",
        failureReason:
          transition.to === "payment_failed"
            ? "declined: too many cards refused"
            : `voided: booking ${transition.to}`,
      })
      .where(eq(payments.id, payment.id));
  } else if (transition.to === "cancelled_by_guest" || transition.to === "cancelled_by_host") {
    await refundCancellation(tx, stripe, transition, payment, eventId);
  }
}

async function refundCancellation(
  tx: Tx,
  stripe: Stripe,
  transition: Transition,
  payment: typeof payments.$inferSelect,
  eventId: string,
): Promise<void> {
  const [booking] = await tx
    .select({ refundAmount: bookings.refundAmount })
    .from(bookings)
    .where(eq(bookings.id, transition.bookingId));
  const amount = booking?.refundAmount ?? 0;
  if (amount <= 0) return;
  await tx
    .insert(refunds)
    .values({
      id: eventId,
      paymentId: payment.id,
      amount,
      currency: payment.currency,
      status: "pending",
      reason: transition.to,
    })
    .onConflictDoNothing();
  const refund = await refundBookingPayment(stripe, {
    refundId: eventId,
    paymentIntentId: payment.providerPaymentId as string,
    amount,
    bookingId: transition.bookingId,
  });
  await tx
    .update(refunds)
    .set({ status: refund.status === "failed" ? "failed" : "succeeded", providerRefundId: refund.id })
    .where(eq(refunds.id, eventId));
  await tx
    .update(payments)
    .set({ status: amount >= payment.amount ? "refunded" : "partially_refunded" })
    .where(eq(payments.id, payment.id));
}
