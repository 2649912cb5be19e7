import * as z from "zod";
import { defineEvent } from "./define.ts";

const stripeId = z.string().min(1).max(255);

export const paymentEvents = {
  "payment.stripe_event_received": defineEvent({
    version: 1,
    description:
      "A verified Stripe webhook event was stored (table stripe_events, by Stripe's event id); the workers apply it by its Stripe type.",
    payload: z.object({
      stripeEventId: stripeId,
      stripeType: z.string().min(1).max(100),
      objectId: stripeId.nullable(),
      account: stripeId.nullable(),
    }),
  }),
  "payment.payout_released": defineEvent({
    version: 1,
    description: "A host's payout for a booking was transferred to their Stripe account.",
    payload: z.object({
      payoutId: z.uuid(),
      bookingId: z.uuid(),
      hostId: z.uuid(),
      amount: z.number().int().min(0),
      currency: z.string().length(3),
      transferId: stripeId,
    }),
  }),
} as const;
