import type { EventEnvelope } from "@hometrip/contracts";
import { Client } from "@upstash/qstash";

/** Hands an event to the broker; resolves once the broker has accepted it. */
export interface EventPublisher {
  publish(envelope: EventEnvelope): Promise<void>;
  /**
   * Hands several events over in one request (QStash's batch API); resolves once the broker has
   * accepted all of them and throws if it refused any, so the relay can fall back to one by one.
   */
  publishBatch?(envelopes: EventEnvelope[]): Promise<void>;
}

/** QStash accepts up to this many messages in one batch request. */
export const maxPublishBatch = 100;

export interface QStashPublisherOptions {
  /** Base URL of QStash (or the local broker); the SDK appends `/v2/publish/...`. */
  qstashUrl: string;
  token: string;
  /** Base URL of the `workers/` service; events go to `${destinationUrl}/events`. */
  destinationUrl: string;
  /** Delivery retries the broker makes before dead-lettering. */
  retries?: number;
  /** Attempts the SDK makes when the broker is unreachable, before the relay gives up on a row. */
  connectRetries?: number;
}

/**
 * Publishes through the production `@upstash/qstash` Client, so the same code runs in the edge
 * Worker and in Bun. The outbox id doubles as deduplication id: if a relay publishes a row twice
 * (it crashed before marking it), the broker drops the second copy.
 */
export function createQStashPublisher(options: QStashPublisherOptions): EventPublisher {
  const client = new Client({
    baseUrl: options.qstashUrl,
    token: options.token,
    // Never let QSTASH_DEV / QSTASH_REGION in the environment redirect us to other credentials.
    devMode: false,
    enableTelemetry: false,
    // The sweep retries anything left behind, so a short SDK retry keeps the relay path quick.
    retry: { retries: options.connectRetries ?? 2, backoff: (attempt) => 100 * 2 ** attempt },
  });
  const url = `${options.destinationUrl.replace(/\/+$/, "")}/events`;
  const retries = options.retries ?? 5;
  // The SDK sends custom headers as `Upstash-Forward-<name>`; QStash delivers them unprefixed, so
  // the workers receive the event's trace as an ordinary `traceparent` header.
  const message = (envelope: EventEnvelope) => ({
    url,
    body: envelope,
    deduplicationId: envelope.id,
    retries,
    ...(envelope.traceparent && { headers: { traceparent: envelope.traceparent } }),
  });
  return {
    async publish(envelope) {
      await client.publishJSON(message(envelope));
    },
    async publishBatch(envelopes) {
      const answers = (await client.batchJSON(envelopes.map(message))) as unknown[];
      const refused = answers.filter((a) => !a || typeof a !== "object" || "error" in a);
      if (answers.length !== envelopes.length || refused.length > 0) {
        throw new Error(`the broker refused ${refused.length || "some"} of ${envelopes.length} messages`);
      }
    },
  };
}
