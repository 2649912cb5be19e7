import Stripe from "stripe";

/** Why Stripe refused, in the terms the booking flow shows a guest or retries on. */
export type PaymentFailure =
  | { kind: "card_declined"; declineCode: string | undefined; message: string }
  | { kind: "unexpected_state"; message: string }
  /** The same idempotency key was used with other parameters (e.g. a second cancel with another reason). */
  | { kind: "idempotency_conflict"; message: string }
  | { kind: "invalid_request"; message: string; param: string | undefined }
  | { kind: "unavailable"; message: string };

/** Classifies an error thrown by the SDK; `undefined` for anything that did not come from Stripe. */
export function paymentFailureOf(error: unknown): PaymentFailure | undefined {
  if (!(error instanceof Stripe.errors.StripeError)) return undefined;
  if (error instanceof Stripe.errors.StripeCardError) {
    return { kind: "card_declined", declineCode: error.decline_code, message: error.message };
  }
  if (error.code === "payment_intent_unexpected_state")
    return { kind: "unexpected_state", message: error.message };
  if (error instanceof Stripe.errors.StripeIdempotencyError)
    return { kind: "idempotency_conflict", message: error.message };
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    return { kind: "invalid_request", message: error.message, param: error.param };
  }
  return { kind: "unavailable", message: error.message };
}
