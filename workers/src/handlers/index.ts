import type { SearchIndex } from "@hometrip/search";
import type { NotificationDeps } from "../notifications/deps.ts";
import { createAuthHandlers, type MailDeps } from "./auth/index.ts";
import { applyStripePaymentEvent, type BookingHandlerDeps, createBookingHandlers } from "./bookings/index.ts";
import { composeHandlers } from "./compose.ts";
import { handleBookingTransitionedForMessaging, messagingHandlers } from "./messaging/index.ts";
import { createNotificationHandlers } from "./notifications/index.ts";
import { createPaymentHandlers, type StripeEventHandlerTable } from "./payments/index.ts";
import { createSearchHandlers } from "./search/index.ts";
import { systemHandlers } from "./system/index.ts";
import type { EventHandlers } from "./types.ts";

/** The guest's card authorised or refused at Stripe moves the booking (core's state machine decides). */
function bookingStripeEvents(requestResponseSeconds?: number): StripeEventHandlerTable {
  const applyToBooking: StripeEventHandlerTable[string] = async ({ tx, stripeEvent, now }) => {
    await applyStripePaymentEvent(tx, stripeEvent, now, requestResponseSeconds);
  };
  return {
    "payment_intent.amount_capturable_updated": applyToBooking,
    "payment_intent.payment_failed": applyToBooking,
  };
}

/** Each domain exports its handlers from `./<domain>/index.ts`; they are merged here. */
export function createEventHandlers(
  deps: {
    mail?: MailDeps;
    search?: SearchIndex;
    bookings?: BookingHandlerDeps;
    notifications?: NotificationDeps;
  } = {},
): EventHandlers {
  const handlers = composeHandlers(
    systemHandlers,
    createAuthHandlers(deps.mail),
    createSearchHandlers(deps.search),
    createBookingHandlers({ search: deps.search, ...deps.bookings }),
    // Stripe event tables of other domains join the payouts table here (bookings: payment_intent.*).
    createPaymentHandlers([bookingStripeEvents(deps.bookings?.requestResponseSeconds)]),
    messagingHandlers,
    // The booking's thread first, so its notification can link to it.
    { "booking.transitioned": handleBookingTransitionedForMessaging },
    createNotificationHandlers(deps.notifications),
  );
  // Exhaustive: a catalog event without a handler fails the type check here.
  return handlers satisfies Partial<EventHandlers> as EventHandlers;
}

/** The registry without mail settings: mail events fail (and are retried) until configured. */
export const eventHandlers: EventHandlers = createEventHandlers();

export { createMailDeps, type MailDeps } from "./auth/index.ts";
export { acknowledgeOnly, type EventContext, type EventHandler, type EventHandlers } from "./types.ts";
