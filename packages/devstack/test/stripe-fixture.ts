import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { type StripeStandIn, type StripeStandInOptions, startStripeStandIn } from "../src/stripe/index.ts";

export const SECRET_KEY = "sk_test_standin_0123456789abcdef";
export const PUBLISHABLE_KEY = "pk_test_standin_0123456789abcdef";
export const WEBHOOK_SECRET = "whsec_standin_test_0123456789abcdef";

/** The real SDK pointed at the stand-in through host/port/protocol, as the app configures it. */
export function sdkFor(standIn: StripeStandIn, key = SECRET_KEY): Stripe {
  return new Stripe(key, {
    host: standIn.host,
    port: standIn.port,
    protocol: "http",
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: 0,
  });
}

export function startStandIn(extra: Partial<StripeStandInOptions> = {}): Promise<StripeStandIn> {
  return startStripeStandIn({
    secretKey: SECRET_KEY,
    publishableKey: PUBLISHABLE_KEY,
    webhookBackoff: () => 30,
    ...extra,
  });
}

export interface Received {
  body: string;
  signature: string;
}

/** A webhook endpoint that records each delivery and answers `respond(n)` to the n-th. */
export async function startWebhookReceiver(respond: (n: number) => number = () => 200) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = respond(received.length);
      received.push({
        body: Buffer.concat(chunks).toString("utf8"),
        signature: String(req.headers["stripe-signature"]),
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Verifies a delivery exactly as our endpoint does (raw body, SubtleCrypto, 300 s tolerance). */
export function verify(delivery: Received, secret = WEBHOOK_SECRET): Promise<Stripe.Event> {
  return Stripe.webhooks.constructEventAsync(
    delivery.body,
    delivery.signature,
    secret,
    300,
    Stripe.createSubtleCryptoProvider(),
  );
}
