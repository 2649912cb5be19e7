import { acknowledgeOnly, type EventHandlers } from "../types.ts";
import { payoutStripeHandlers } from "./payout-stripe-handlers.ts";
import { createStripeEventDispatcher, type StripeEventHandlerTable } from "./stripe-dispatch.ts";

/**
 * Payment events. `stripeTables` are the Stripe-event tables of other domains (bookings handles
 * `payment_intent.*`); the payouts table is always included.
 */
export function createPaymentHandlers(stripeTables: StripeEventHandlerTable[] = []) {
  return {
    "payment.stripe_event_received": createStripeEventDispatcher([payoutStripeHandlers, ...stripeTables]),
    "payment.payout_released": acknowledgeOnly,
  } satisfies Partial<EventHandlers>;
}

export { payoutStripeHandlers } from "./payout-stripe-handlers.ts";
export {
  createStripeEventDispatcher,
  mergeStripeEventTables,
  type StripeEventContext,
  type StripeEventHandler,
  type StripeEventHandlerTable,
} from "./stripe-dispatch.ts";
