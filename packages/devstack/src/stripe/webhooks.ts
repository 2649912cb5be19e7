import type { Log } from "../orchestrator/log.ts";
import { stripeSignatureHeader } from "./signing.ts";
import { nowSeconds, type StripeObject, type StripeState } from "./state.ts";

export interface WebhookEndpoint {
  url: string;
  /** `whsec_…`: the receiver verifies with this exact string. */
  secret: string;
}

/** Stripe retries for up to three days with growing gaps; the default here is shorter for dev. */
export function defaultWebhookBackoff(attempt: number): number {
  return Math.min(3600, 5 * 2 ** (attempt - 1)) * 1000;
}

const MAX_TIMER_MS = 2 ** 31 - 1;
const ATTEMPT_TIMEOUT_MS = 20_000;

/**
 * Delivers each event to the endpoint at least once: a non-2xx answer or a network error is
 * retried with backoff until `maxAttempts`; pending deliveries are state, so a restart resumes
 * them. Deliveries run in parallel and may arrive out of order, as Stripe's do.
 */
export class WebhookDispatcher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private closed = false;

  constructor(
    private readonly state: StripeState,
    private endpoint: WebhookEndpoint | undefined,
    private readonly opts: { backoff: (attempt: number) => number; maxAttempts: number; log: Log },
  ) {}

  setEndpoint(endpoint: WebhookEndpoint | undefined): void {
    this.endpoint = endpoint;
    this.resume();
  }

  enqueue(event: StripeObject): void {
    if (!this.endpoint) return;
    this.state.deliveries[event.id] = { eventId: event.id, attempt: 0, notBefore: Date.now() };
    this.state.changed();
    this.arm(event.id);
  }

  resume(): void {
    for (const id of Object.keys(this.state.deliveries)) this.arm(id);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private arm(eventId: string): void {
    const pending = this.state.deliveries[eventId];
    if (this.closed || !pending || this.inFlight.has(eventId) || !this.endpoint) return;
    clearTimeout(this.timers.get(eventId));
    const wait = Math.min(Math.max(0, pending.notBefore - Date.now()), MAX_TIMER_MS);
    this.timers.set(
      eventId,
      setTimeout(() => {
        this.timers.delete(eventId);
        const run = this.attempt(eventId).finally(() => {
          this.inFlight.delete(eventId);
          this.arm(eventId);
        });
        this.inFlight.set(eventId, run);
      }, wait),
    );
  }

  private async attempt(eventId: string): Promise<void> {
    const pending = this.state.deliveries[eventId];
    const event = this.state.get(eventId);
    const endpoint = this.endpoint;
    if (!pending || !event || !endpoint || this.closed) return;
    const body = JSON.stringify(event, null, 2);
    let outcome: string;
    let ok = false;
    try {
      const response = await fetch(endpoint.url, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          // Signed per attempt, as Stripe does: a late retry carries a fresh timestamp.
          "stripe-signature": stripeSignatureHeader(body, endpoint.secret, nowSeconds()),
        },
        body,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      ok = response.ok;
      outcome = String(response.status);
    } catch (error) {
      outcome = error instanceof Error ? error.message : String(error);
    }
    const attempt = pending.attempt + 1;
    this.opts.log(`webhook ${event.type} ${eventId} attempt ${attempt} → ${outcome}`);
    if (ok || attempt >= this.opts.maxAttempts) {
      delete this.state.deliveries[eventId];
      if (!ok) this.opts.log(`webhook ${eventId} given up after ${attempt} attempts`);
    } else {
      this.state.deliveries[eventId] = {
        ...pending,
        attempt,
        notBefore: Date.now() + this.opts.backoff(attempt),
      };
    }
    event.pending_webhooks = this.state.deliveries[eventId] ? 1 : 0;
    this.state.changed();
  }
}
