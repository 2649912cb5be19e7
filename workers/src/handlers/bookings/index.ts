import { checkOutInstant, findBooking } from "@hometrip/core";
import type { Stripe } from "@hometrip/payments";
import type { SearchIndex } from "@hometrip/search";
import type { EventHandlers } from "../types.ts";
import { moveBookingMoney } from "./booking-money.ts";
import type { BookingDeadlines } from "./deadlines.ts";

export type { BookingDeadlines } from "./deadlines.ts";
export { qstashBookingDeadlines } from "./deadlines.ts";
export { applyStripePaymentEvent, type StripePaymentEvent } from "./stripe-payment-events.ts";

export interface BookingHandlerDeps {
  /** Without it (no Stripe configured) transitions move no money. */
  stripe?: Stripe;
  /** Without it only the periodic sweep settles deadlines. */
  deadlines?: BookingDeadlines;
  search?: SearchIndex;
  /** The host's window to answer a request (BOOKING_REQUEST_RESPONSE_SECONDS); unset, core's 24 h. */
  requestResponseSeconds?: number;
}

const occupying = new Set(["pending_payment", "requested", "confirmed"]);

/**
 * What follows a booking's transition, in the workers: schedule its next deadline, move its
 * money, refresh an external search index when its dates were taken or freed. Each part is
 * idempotent, so a redelivery repeats nothing that matters.
 */
export function createBookingHandlers(deps: BookingHandlerDeps): Pick<EventHandlers, "booking.transitioned"> {
  return {
    "booking.transitioned": async ({ tx, event, log }) => {
      const transition = event.payload;
      if (deps.deadlines && occupying.has(transition.to)) {
        const found = await findBooking(tx, transition.bookingId);
        const { booking } = found;
        const at =
          transition.to === "pending_payment"
            ? booking.expiresAt
            : transition.to === "requested"
              ? booking.respondBy
              : checkOutInstant(found);
        if (at) await deps.deadlines.schedule(booking.id, at);
      }
      if (deps.stripe) await moveBookingMoney(tx, deps.stripe, transition, event.id, log);
      const occupancyChanged = occupying.has(transition.from ?? "") !== occupying.has(transition.to);
      if (occupancyChanged && deps.search && deps.search.name !== "postgres") {
        await deps.search.upsert([transition.listingId]);
      }
      log.info("booking transition handled", {
        eventId: event.id,
        bookingId: transition.bookingId,
        to: transition.to,
      });
    },
  };
}
