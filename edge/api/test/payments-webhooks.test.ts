import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sql } from "./db.ts";
import { json } from "./harness.ts";
import {
  nowSeconds,
  postStripeWebhook,
  signStripe,
  testStripe,
  waitForStripeDelivery,
} from "./stripe-support.ts";

const secret = () => env.STRIPE_WEBHOOK_SECRET ?? "";
const storedEvents = (id: string) => sql<{ id: string }>("select id from stripe_events where id = $1", [id]);
const outboxRows = (id: string) =>
  sql<{ event_type: string }>("select event_type from outbox where payload->>'stripeEventId' = $1", [id]);

async function freshDelivery() {
  const intent = await testStripe().paymentIntents.create({ amount: 12_345, currency: "eur" });
  const delivery = await waitForStripeDelivery(
    (e) => e.type === "payment_intent.created" && e.data.object.id === intent.id,
  );
  return { delivery, eventId: (JSON.parse(delivery.body) as { id: string }).id };
}

describe("POST /webhooks/stripe", () => {
  it("stores a delivery signed by Stripe once, with its outbox event, and acknowledges redeliveries", async () => {
    const { delivery, eventId } = await freshDelivery();
    const first = await postStripeWebhook(delivery);
    expect(first.status).toBe(200);
    expect(await json(first)).toEqual({ received: true, duplicate: false });
    const again = await postStripeWebhook(delivery);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual({ received: true, duplicate: true });
    expect(await storedEvents(eventId)).toHaveLength(1);
    expect((await outboxRows(eventId)).map((r) => r.event_type)).toEqual(["payment.stripe_event_received"]);
  });

  it("refuses forged, tampered, replayed and unsigned deliveries with 400 and stores nothing", async () => {
    const { delivery, eventId } = await freshDelivery();
    const old = nowSeconds() - 301;
    const attempts = [
      {
        body: delivery.body,
        signature: await signStripe(delivery.body, "whsec_forged_0123456789", nowSeconds()),
      },
      { body: delivery.body.replace("12345", "1"), signature: delivery.signature },
      { body: delivery.body, signature: await signStripe(delivery.body, secret(), old) },
      { body: delivery.body, signature: "" },
      { body: delivery.body, signature: "t=abc,v1=zz" },
    ];
    for (const [index, attempt] of attempts.entries()) {
      const response = await postStripeWebhook(attempt);
      expect({ index, status: response.status }).toEqual({ index, status: 400 });
      expect(await json(response)).toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await storedEvents(eventId)).toEqual([]);
    expect(await outboxRows(eventId)).toEqual([]);
  });

  it("refuses a signed body that is not a Stripe event", async () => {
    const body = JSON.stringify({ hello: "world" });
    const response = await postStripeWebhook({
      body,
      signature: await signStripe(body, secret(), nowSeconds()),
    });
    expect(response.status).toBe(400);
  });
});
