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
  opts: { toleranceSeconds?: number; now?: Date } = {},
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
        // The SDK takes the receiving time in milliseconds.
        opts.now?.getTime(),
      );
    } catch (error) {
      // A secret that matched but found the delivery too old says more than the ones that did not match.
      const stale = error instanceof Error && /tolerance/i.test(error.message);
      if (stale || !lastError) lastError = error;
      if (stale) break;
    }
  }
  throw new WebhookSignatureError(
    lastError instanceof Error ? lastError.message : "signature did not verify",
  );
}
