/**
 * A card's refusal as the guest reads it: what happened and what to do. Stripe reports it as
 * `last_payment_error` on the PaymentIntent (and in the confirm's 402 answer); the checkout shows
 * the confirm's answer at once, and `bookings.get` shows the one the webhook recorded, so both
 * read the same sentence from here.
 */
export interface CardError {
  code?: string | null;
  decline_code?: string | null;
  message?: string | null;
}

/** The longest sentence kept: Stripe's own messages are short; anything longer is cut. */
const MAX_SENTENCE = 300;

export function declineMessage(error: CardError | null | undefined): string {
  switch (error?.decline_code ?? error?.code) {
    case "insufficient_funds":
      return "Your card has insufficient funds. Try another card.";
    case "expired_card":
      return "Your card has expired. Try another card.";
    case "incorrect_number":
    case "invalid_number":
      return "Your card number is incorrect. Check it and try again.";
    case "incorrect_cvc":
    case "invalid_cvc":
      return "Your card's security code is incorrect.";
    case "payment_intent_authentication_failure":
      return "Your bank could not confirm the payment. Try again or use another card.";
    case "generic_decline":
    case "card_declined":
      return "Your card was declined. Try another card or contact your bank.";
    default: {
      const text = error?.message?.trim().replace(/\.$/, "").slice(0, MAX_SENTENCE);
      return text ? `${text}.` : "The payment did not go through.";
    }
  }
}
