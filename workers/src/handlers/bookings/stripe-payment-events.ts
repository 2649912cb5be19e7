import type { CardError } from "@hometrip/contracts";
import { type LifecycleOutcome, recordPaymentAuthorized, recordPaymentFailed } from "@hometrip/core";
import type { Database } from "@hometrip/db";

/** The parts of a Stripe event that move a booking: its type and the intent's booking id. */
export interface StripePaymentEvent {
  type: string;
  data: {
    object: {
      object?: string;
      metadata?: Record<string, string> | null;
      /** Why the card was refused (payment_intent.payment_failed). */
      last_payment_error?: CardError | null;
    };
  };
}

/**
 * The booking step a verified Stripe event calls for, through core's state machine:
 * `payment_intent.amount_capturable_updated` (the card is authorised, funds held) → requested
 * or confirmed; `payment_intent.payment_failed` → a decline counted on the held booking (the
 * guest may try another card; the third ends it as payment_failed). Anything else, or an intent
 * that is not a booking's, is ignored (null). Redelivered and out-of-order events are harmless:
 * the step does nothing once the booking has moved on.
 */
export async function applyStripePaymentEvent(
  db: Database,
  event: StripePaymentEvent,
  now: Date,
  /** The host's window to answer a request (BOOKING_REQUEST_RESPONSE_SECONDS); core's 24 h unset. */
  requestResponseSeconds?: number,
): Promise<LifecycleOutcome | null> {
  const bookingId = event.data.object.metadata?.bookingId;
  if (event.data.object.object !== "payment_intent" || !bookingId) return null;
  switch (event.type) {
    case "payment_intent.amount_capturable_updated":
      return recordPaymentAuthorized(db, bookingId, now, requestResponseSeconds);
    case "payment_intent.payment_failed":
      return recordPaymentFailed(db, bookingId, now, event.data.object.last_payment_error);
    default:
      return null;
  }
}
