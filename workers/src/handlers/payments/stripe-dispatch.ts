import type { Logger, StripeEventLike } from "@hometrip/core";
import { stripeEvents, type Tx } from "@hometrip/db";
import { eq } from "drizzle-orm";
import type { EventHandler } from "../types.ts";

export interface StripeEventContext {
  /** The transaction that also marks the outbox event processed: write through it only. */
  tx: Tx;
  stripeEvent: StripeEventLike;
  log: Logger;
  now: Date;
}

export type StripeEventHandler = (ctx: StripeEventContext) => Promise<void>;

/**
 * Stripe event type → handler. Each domain exports its own table (payouts here; bookings adds
 * `payment_intent.*`) and `createStripeEventDispatcher` merges them; two tables claiming one type
 * is a mistake caught at start. Types nobody handles are acknowledged and left in stripe_events.
 */
export type StripeEventHandlerTable = Readonly<Record<string, StripeEventHandler>>;

export function mergeStripeEventTables(tables: StripeEventHandlerTable[]): StripeEventHandlerTable {
  const merged: Record<string, StripeEventHandler> = {};
  for (const table of tables) {
    for (const [type, handler] of Object.entries(table)) {
      if (merged[type]) throw new Error(`two handlers registered for Stripe event ${type}`);
      merged[type] = handler;
    }
  }
  return merged;
}

/**
 * Applies a stored Stripe event. It is read from stripe_events (what the webhook verified),
 * never fetched again; handlers must tolerate redelivery and any order, which they do by only
 * moving state forward (Stripe's `created`, running totals, final statuses).
 */
export function createStripeEventDispatcher(
  tables: StripeEventHandlerTable[],
): EventHandler<"payment.stripe_event_received"> {
  const table = mergeStripeEventTables(tables);
  return async ({ tx, event, log, now }) => {
    const [row] = await tx
      .select({ event: stripeEvents.event })
      .from(stripeEvents)
      .where(eq(stripeEvents.id, event.payload.stripeEventId));
    if (!row) throw new Error(`stripe event ${event.payload.stripeEventId} is not stored`);
    const stripeEvent = row.event as StripeEventLike;
    const handler = table[stripeEvent.type];
    if (!handler) {
      log.info("stripe event not handled", { stripeEventId: stripeEvent.id, stripeType: stripeEvent.type });
      return;
    }
    await handler({ tx, stripeEvent, log, now });
    log.info("stripe event applied", { stripeEventId: stripeEvent.id, stripeType: stripeEvent.type });
  };
}
