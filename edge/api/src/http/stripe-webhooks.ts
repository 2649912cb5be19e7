import { AppError } from "@hometrip/contracts";
import { recordStripeEvent } from "@hometrip/core";
import { verifyStripeWebhook, WebhookSignatureError } from "@hometrip/payments";
import { Hono } from "hono";
import type { HonoEnv } from "../context.ts";
import { readLimitedBody } from "../services/limited-body.ts";

/** Stripe's events are a few KB; anything far larger is not from Stripe. */
const maxWebhookBytes = 512 * 1024;

/**
 * POST /webhooks/stripe — Stripe's deliveries. The signature is checked on the raw bytes (a
 * re-serialised body no longer matches its HMAC) with a 300 s tolerance, so forged, tampered and
 * replayed deliveries get 400 and store nothing. A verified event is stored by its id with its
 * outbox event in one transaction and applied by the workers; a redelivery answers 200 and does
 * nothing, so Stripe stops retrying it.
 */
export const stripeWebhookRoutes = new Hono<HonoEnv>().post("/webhooks/stripe", async (c) => {
  const { config, db, clock, logger } = c.var.services;
  const bytes = await readLimitedBody(
    c.req.raw,
    maxWebhookBytes,
    () => new AppError("BAD_REQUEST", "Webhook body too large"),
  );
  const raw = new TextDecoder().decode(bytes);
  let event: Awaited<ReturnType<typeof verifyStripeWebhook>>;
  try {
    event = await verifyStripeWebhook(
      raw,
      c.req.header("stripe-signature") ?? null,
      config.STRIPE_WEBHOOK_SECRET,
      {
        now: clock.now(),
      },
    );
  } catch (error) {
    if (!(error instanceof WebhookSignatureError)) throw error;
    logger.warn("stripe webhook refused", { reason: error.message });
    throw new AppError("BAD_REQUEST", "Invalid Stripe signature");
  }
  if (typeof event.id !== "string" || typeof event.type !== "string" || !event.data?.object) {
    throw new AppError("BAD_REQUEST", "Not a Stripe event");
  }
  const outcome = await recordStripeEvent(db, event);
  logger.info("stripe webhook", { stripeEventId: event.id, stripeType: event.type, outcome });
  return c.json({ received: true, duplicate: outcome === "duplicate" });
});
