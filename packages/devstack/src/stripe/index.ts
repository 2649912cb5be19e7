import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { connectRoutes } from "./connect.ts";
import type { Deps } from "./deps.ts";
import { eventRoutes } from "./event-routes.ts";
import { eventRecorder } from "./events.ts";
import { startStripeHttp } from "./http.ts";
import { pageRoutes } from "./pages.ts";
import { paymentIntentRoutes } from "./payment-intents.ts";
import { refundRoutes } from "./refunds.ts";
import { StripeState } from "./state.ts";
import { transferRoutes } from "./transfers.ts";
import { defaultWebhookBackoff, WebhookDispatcher, type WebhookEndpoint } from "./webhooks.ts";

export { TEST_CARDS } from "./cards.ts";
export { stripeSignatureHeader } from "./signing.ts";
export type { WebhookEndpoint } from "./webhooks.ts";

export interface StripeStandInOptions {
  /** 0 or unset picks a free port. */
  port?: number;
  /** State lives in `${dataDir}/stripe/state.json`; unset keeps it in memory (tests). */
  dataDir?: string;
  /** `sk_test_…` the API must present as a Bearer token. */
  secretKey: string;
  /** `pk_test_…` a browser may use to retrieve and confirm a PaymentIntent with its client secret. */
  publishableKey: string;
  /** Where events are POSTed, signed with its `whsec_…` secret; settable later with `setWebhookEndpoint`. */
  webhook?: WebhookEndpoint;
  /** ms before retry `attempt` (1-based) of a failed webhook delivery. */
  webhookBackoff?: (attempt: number) => number;
  webhookMaxAttempts?: number;
  log?: (line: string) => void;
}

export interface StripeStandIn {
  url: string;
  host: string;
  port: number;
  setWebhookEndpoint(endpoint: WebhookEndpoint | undefined): void;
  /** Resolves once every pending webhook delivery settled (delivered or given up); for tests. */
  webhooksIdle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A local Stripe for the endpoints HomeTrip uses: the production `stripe` SDK reaches it through
 * its `host`/`port`/`protocol` options, and its webhooks verify with `constructEventAsync`.
 */
export async function startStripeStandIn(opts: StripeStandInOptions): Promise<StripeStandIn> {
  const log = opts.log ?? (() => {});
  const state = await StripeState.open(opts.dataDir ? join(opts.dataDir, "stripe") : undefined);
  const webhooks = new WebhookDispatcher(state, opts.webhook, {
    backoff: opts.webhookBackoff ?? defaultWebhookBackoff,
    maxAttempts: opts.webhookMaxAttempts ?? 12,
    log,
  });
  let baseUrl = "";
  const deps: Deps = {
    state,
    emit: eventRecorder(state, (e) => webhooks.enqueue(e), log),
    baseUrl: () => baseUrl,
  };
  const server = await startStripeHttp({
    port: opts.port ?? 0,
    secretKey: opts.secretKey,
    publishableKey: opts.publishableKey,
    state,
    api: [
      ...paymentIntentRoutes(deps),
      ...refundRoutes(deps),
      ...connectRoutes(deps),
      ...transferRoutes(deps),
      ...eventRoutes(deps),
    ],
    pages: pageRoutes(deps),
    log,
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
  webhooks.resume();
  log(`Stripe stand-in listening on ${baseUrl}`);

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    host: "127.0.0.1",
    port,
    setWebhookEndpoint: (endpoint) => webhooks.setEndpoint(endpoint),
    async webhooksIdle(timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (Object.keys(state.deliveries).length > 0) {
        if (Date.now() > until) throw new Error("webhook deliveries still pending");
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await webhooks.close();
        await closed;
        await state.flush();
      })();
      return closing;
    },
  };
}
