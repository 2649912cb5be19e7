import Stripe from "stripe";

export interface StripeClientConfig {
  /** `sk_test_…` / `sk_live_…` (STRIPE_SECRET_KEY). */
  secretKey: string;
  /** Unset: Stripe itself. Locally the stand-in's origin, e.g. http://127.0.0.1:12111 (STRIPE_API_BASE). */
  apiBase?: string;
  /** The SDK retries network errors and 409/5xx with the same idempotency key. */
  maxNetworkRetries?: number;
  timeoutMs?: number;
}

/**
 * The Stripe SDK as every runtime here uses it: fetch for HTTP and SubtleCrypto for signatures, so
 * the same client runs in workerd (the API Worker) and in Bun (workers). The stand-in is reached
 * through the SDK's own host/port/protocol options; nothing else changes.
 */
export function createStripeClient(config: StripeClientConfig): Stripe {
  const base = config.apiBase ? new URL(config.apiBase) : undefined;
  return new Stripe(config.secretKey, {
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: config.maxNetworkRetries ?? 2,
    timeout: config.timeoutMs ?? 20_000,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === "https:" ? "443" : "80"),
          protocol: base.protocol === "https:" ? "https" : "http",
        }
      : {}),
  });
}

/** The client settings from the parsed runtime config (packages/config's STRIPE_* fields). */
export function stripeClientConfig(env: {
  STRIPE_SECRET_KEY: string;
  STRIPE_API_BASE?: string;
}): StripeClientConfig {
  return {
    secretKey: env.STRIPE_SECRET_KEY,
    ...(env.STRIPE_API_BASE ? { apiBase: env.STRIPE_API_BASE } : {}),
  };
}

export const webCryptoProvider = Stripe.createSubtleCryptoProvider();

export type { Stripe };
