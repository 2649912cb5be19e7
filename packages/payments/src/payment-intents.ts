import type Stripe from "stripe";
import { paymentFailureOf } from "./errors.ts";

/**
 * A booking's PaymentIntent. Funds are held (manual capture) until the booking is confirmed; the
 * idempotency key is derived from the booking, so a retried create never makes a second charge.
 */
export async function createBookingPaymentIntent(
  stripe: Stripe,
  booking: {
    bookingId: string;
    amount: number;
    currency: string;
    guestId: string;
    listingId: string;
    description?: string;
  },
): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create(
    {
      amount: booking.amount,
      currency: booking.currency.toLowerCase(),
      capture_method: "manual",
      transfer_group: booking.bookingId,
      metadata: { bookingId: booking.bookingId, guestId: booking.guestId, listingId: booking.listingId },
      ...(booking.description ? { description: booking.description } : {}),
    },
    { idempotencyKey: `booking:${booking.bookingId}:payment-intent` },
  );
}

/**
 * Captures the held amount. Capturing an already captured intent answers its current state, so
 * a redelivered "confirmed" event captures once.
 */
export async function captureBookingPayment(
  stripe: Stripe,
  paymentIntentId: string,
): Promise<Stripe.PaymentIntent> {
  try {
    return await stripe.paymentIntents.capture(
      paymentIntentId,
      {},
      { idempotencyKey: `capture:${paymentIntentId}` },
    );
  } catch (error) {
    return settledAlready(stripe, error, paymentIntentId, "succeeded");
  }
}

/** Voids the hold (decline, expiry, withdrawal); an intent already canceled is answered as it is. */
export async function cancelBookingPayment(
  stripe: Stripe,
  paymentIntentId: string,
  reason: "abandoned" | "requested_by_customer" | "duplicate" = "abandoned",
): Promise<Stripe.PaymentIntent> {
  try {
    return await stripe.paymentIntents.cancel(
      paymentIntentId,
      { cancellation_reason: reason },
      { idempotencyKey: `cancel:${paymentIntentId}` },
    );
  } catch (error) {
    return settledAlready(stripe, error, paymentIntentId, "canceled");
  }
}

/** A refund keyed by our refund row, so retrying it after a crash refunds once. */
export async function refundBookingPayment(
  stripe: Stripe,
  refund: { refundId: string; paymentIntentId: string; amount: number; bookingId: string },
): Promise<Stripe.Refund> {
  return stripe.refunds.create(
    {
      payment_intent: refund.paymentIntentId,
      amount: refund.amount,
      reason: "requested_by_customer",
      metadata: { refundId: refund.refundId, bookingId: refund.bookingId },
    },
    { idempotencyKey: `refund:${refund.refundId}` },
  );
}

async function settledAlready(
  stripe: Stripe,
  error: unknown,
  paymentIntentId: string,
  wanted: Stripe.PaymentIntent.Status,
): Promise<Stripe.PaymentIntent> {
  const kind = paymentFailureOf(error)?.kind;
  if (kind !== "unexpected_state" && kind !== "idempotency_conflict") throw error;
  const current = await stripe.paymentIntents.retrieve(paymentIntentId);
  if (current.status !== wanted) throw error;
  return current;
}
