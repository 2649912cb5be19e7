import { createHmac } from "node:crypto";

/**
 * Stripe's webhook signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed
 * by the whole `whsec_…` string (not a decoded form of it), which is what `constructEventAsync`
 * checks.
 */
export function stripeSignatureHeader(body: string, secret: string, timestamp: number): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${v1}`;
}
