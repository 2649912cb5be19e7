import { env } from "cloudflare:workers";
import { createStripeClient, type Stripe } from "@hometrip/payments";
import { call } from "./harness.ts";

/** The SDK the Worker uses, against the test Stripe stand-in. */
export function testStripe(): Stripe {
  return createStripeClient({
    secretKey: env.STRIPE_SECRET_KEY ?? "",
    apiBase: env.STRIPE_API_BASE ?? "",
    maxNetworkRetries: 0,
  });
}

export interface SignedDelivery {
  body: string;
  signature: string;
}

/** Waits for the stand-in's signed delivery of a Stripe event matching `pick`. */
export async function waitForStripeDelivery(
  pick: (event: { id: string; type: string; data: { object: { id: string } } }) => boolean,
  timeoutMs = 10_000,
): Promise<SignedDelivery> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const received = (await (
      await fetch(`${env.TEST_STRIPE_WEBHOOK_SINK_URL}/received`)
    ).json()) as SignedDelivery[];
    const match = received.find((d) => pick(JSON.parse(d.body)));
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("no matching Stripe delivery");
}

/** Stripe's scheme with any secret and time, for forged and replayed deliveries. */
export async function signStripe(body: string, secret: string, timestamp: number): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${timestamp}.${body}`));
  const hex = [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `t=${timestamp},v1=${hex}`;
}

export function postStripeWebhook(delivery: SignedDelivery) {
  return call("/webhooks/stripe", {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": delivery.signature },
    body: delivery.body,
  });
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
