import { type Database, stripeEvents } from "@hometrip/db";
import { recordEvent } from "../events/record-event.ts";

/** The fields of a Stripe event we store and route on (structural: core does not load the SDK). */
export interface StripeEventLike {
  id: string;
  type: string;
  created: number;
  account?: string | null;
  /** Any Stripe object; most carry an `id`. */
  data: { object: object };
}

/**
 * Stores a verified webhook event once and records its outbox event in the same transaction:
 * a redelivery of the same Stripe event id changes nothing; a crash before commit leaves
 * nothing, and Stripe delivers again.
 */
export async function recordStripeEvent(
  db: Database,
  event: StripeEventLike,
): Promise<"recorded" | "duplicate"> {
  const id = (event.data.object as { id?: unknown }).id;
  const objectId = typeof id === "string" ? id : null;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(stripeEvents)
      .values({
        id: event.id,
        type: event.type,
        objectId,
        account: event.account ?? null,
        stripeCreatedAt: new Date(event.created * 1000),
        event,
      })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (inserted.length === 0) return "duplicate";
    await recordEvent(tx, "payment.stripe_event_received", {
      stripeEventId: event.id,
      stripeType: event.type,
      objectId,
      account: event.account ?? null,
    });
    return "recorded";
  });
}
