export { createStripeClient, type Stripe, type StripeClientConfig, stripeClientConfig } from "./client.ts";
export {
  createExpressAccount,
  createTransfer,
  loginLink,
  onboardingLink,
  retrieveAccount,
  reverseTransfer,
} from "./connect.ts";
export { type PaymentFailure, paymentFailureOf } from "./errors.ts";
export {
  cancelBookingPayment,
  captureBookingPayment,
  createBookingPaymentIntent,
  refundBookingPayment,
} from "./payment-intents.ts";
export { verifyStripeWebhook, WEBHOOK_TOLERANCE_SECONDS, WebhookSignatureError } from "./webhooks.ts";
