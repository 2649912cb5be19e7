import { AppError } from "@hometrip/contracts";
import type { BookingWithListing } from "@hometrip/core";
import { payments } from "@hometrip/db";
import { createBookingPaymentIntent, createStripeClient, stripeClientConfig } from "@hometrip/payments";
import type { Services } from "../services/index.ts";

/**
 * The guest's PaymentIntent for a held booking (manual capture), created only after the booking
 * row committed, so a lost race for the dates never leaves a payment behind. Its idempotency key
 * is derived from the booking (packages/payments), so a retried create, or a crash between the
 * commit and this call followed by a retry with the same booking key, finds the same intent.
 * Returns the client secret the browser confirms the card with; null once the booking is past
 * payment.
 */
export async function openBookingPayment(services: Services, { booking, listing }: BookingWithListing) {
  if (booking.status !== "pending_payment") return null;
  const stripe = createStripeClient(stripeClientConfig(services.config));
  let intent: Awaited<ReturnType<typeof createBookingPaymentIntent>>;
  try {
    intent = await createBookingPaymentIntent(stripe, {
      bookingId: booking.id,
      amount: booking.total,
      currency: booking.currency,
      guestId: booking.guestId,
      listingId: booking.listingId,
      description: `${listing.title}, ${booking.checkIn} to ${booking.checkOut}`,
    });
  } catch (error) {
    services.logger.warn("payment intent not created", { bookingId: booking.id, error: String(error) });
    throw new AppError("UNAVAILABLE", "The payment could not be started: try again in a moment", {
      cause: error,
    });
  }
  await services.db
    .insert(payments)
    .values({
      bookingId: booking.id,
      amount: booking.total,
      currency: booking.currency,
      status: "pending",
      providerPaymentId: intent.id,
    })
    .onConflictDoNothing({ target: payments.providerPaymentId });
  return intent.client_secret;
}
