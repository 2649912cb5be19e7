import Stripe from "stripe";
import { webCryptoProvider } from "./client.ts";

/** Stripe's default: a signature older than this is a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export class WebhookSignatureError extends Error {
  override name = "WebhookSignatureError";
}

/**
 * Verifies a delivery on its raw body (any re-serialisation breaks the HMAC) against each
 * configured secret: one per endpoint (platform, Connect) and two while one is rotated.
 */
export async function verifyStripeWebhook(
  rawBody: string,
  signatureHeader: string | null,
  secrets: readonly string[],
  opts: { toleranceSeconds?: number; nowSeconds?: number } = {},
): Promise<Stripe.Event> {
  if (!signatureHeader) throw new WebhookSignatureError("missing Stripe-Signature header");
  let lastError: unknown;
  for (const secret of secrets) {
    try {
      return await Stripe.webhooks.constructEventAsync(
        rawBody,
        signatureHeader,
        secret,
        opts.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS,
        webCryptoProvider,
        opts.nowSeconds,
      );
    } catch (error) {
      lastError = error;
    }
  }
  throw new WebhookSignatureError(
    lastError instanceof Error ? lastError.message : "signature did not verify",
  );
}
