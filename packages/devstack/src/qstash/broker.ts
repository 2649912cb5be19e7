import { randomBytes } from "node:crypto";
import { DeliveryScheduler } from "./delivery.ts";
import { DEFAULT_RETRIES, type MessageDraft } from "./publish-request.ts";
import type { SignDelivery } from "./signing.ts";
import type { BrokerStore } from "./store.ts";
import type { AttemptResult, Log, StoredMessage } from "./types.ts";
import { headerRecord } from "./wire.ts";

/** How long a deduplication id (or content hash) keeps answering with the first message. */
export const DEDUP_WINDOW_MS = 10 * 60_000;

export interface PublishResult {
  messageId: string;
  url: string;
  deduplicated?: boolean;
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString("base64url")}`;
}

/** The broker's core: accepting messages, and what happens after the last attempt. */
export class Broker {
  readonly scheduler: DeliveryScheduler;

  constructor(
    readonly store: BrokerStore,
    deps: { sign: SignDelivery; backoff: (retried: number) => number; log: Log; maxInFlight?: number },
  ) {
    this.scheduler = new DeliveryScheduler({
      ...deps,
      store,
      onDelivered: (m, result) => this.afterDelivered(m, result),
      onExhausted: (m, result) => this.afterExhausted(m, result),
    });
  }

  /** Resumes everything that was pending when the broker last stopped. */
  resume(): void {
    for (const message of this.store.messages.values()) this.scheduler.track(message);
  }

  async accept(draft: MessageDraft, extra: { scheduleId?: string } = {}): Promise<PublishResult> {
    const now = Date.now();
    const { dedupKey, ...fields } = draft;
    if (dedupKey) {
      const seen = this.store.dedup.get(dedupKey);
      if (seen && seen.expiresAt > now)
        return { messageId: seen.messageId, url: seen.url, deduplicated: true };
    }
    const message: StoredMessage = {
      ...fields,
      messageId: newId("msg"),
      sequence: this.store.nextSequence(),
      retried: 0,
      createdAt: now,
      scheduleId: extra.scheduleId,
    };
    const writes: Promise<void>[] = [this.store.messages.put(message)];
    // put() updates memory synchronously, so a racing duplicate already sees this key.
    if (dedupKey) {
      writes.push(
        this.store.dedup.put({
          key: dedupKey,
          messageId: message.messageId,
          url: message.url,
          expiresAt: now + DEDUP_WINDOW_MS,
        }),
      );
    }
    if (message.queueName && !this.store.queues.get(message.queueName)) {
      // QStash creates a queue on first enqueue.
      writes.push(
        this.store.queues.put({
          name: message.queueName,
          parallelism: 1,
          paused: false,
          createdAt: now,
          updatedAt: now,
        }),
      );
    }
    await Promise.all(writes);
    this.scheduler.track(message);
    return { messageId: message.messageId, url: message.url };
  }

  async pruneDedup(): Promise<void> {
    const now = Date.now();
    const expired = this.store.dedup.values().filter((d) => d.expiresAt <= now);
    await Promise.all(expired.map((d) => this.store.dedup.delete(d.key)));
  }

  private async afterDelivered(m: StoredMessage, result: AttemptResult): Promise<void> {
    if (m.callback) await this.accept(callbackDraft(m, result, m.callback, m.callbackHeaders));
  }

  private async afterExhausted(m: StoredMessage, result: AttemptResult): Promise<void> {
    const dlqId = newId("dlq");
    await this.store.deadLetters.put({
      ...m,
      dlqId,
      failedAt: Date.now(),
      responseStatus: result.status,
      responseHeader: result.header,
      responseBody: result.body,
      error: result.error,
    });
    if (m.failureCallback) {
      await this.accept(callbackDraft(m, result, m.failureCallback, m.failureCallbackHeaders, dlqId));
    }
  }
}

/** Callbacks are ordinary signed messages whose body describes the source delivery. */
function callbackDraft(
  m: StoredMessage,
  result: AttemptResult,
  url: string,
  headers: [string, string][] | undefined,
  dlqId?: string,
): MessageDraft {
  const body = {
    status: result.status ?? 0,
    header: result.header ?? {},
    body: Buffer.from(result.body ?? result.error ?? "").toString("base64"),
    retried: m.retried,
    maxRetries: m.maxRetries,
    sourceMessageId: m.messageId,
    url: m.url,
    method: m.method,
    sourceHeader: headerRecord(m.headers),
    sourceBody: m.bodyBase64,
    notBefore: m.notBefore,
    createdAt: m.createdAt,
    scheduleId: m.scheduleId,
    queueName: m.queueName,
    dlqId,
  };
  return {
    url,
    method: "POST",
    headers: [["content-type", "application/json"], ...(headers ?? [])],
    bodyBase64: Buffer.from(JSON.stringify(body)).toString("base64"),
    maxRetries: DEFAULT_RETRIES,
    notBefore: Date.now(),
    timeoutMs: m.timeoutMs,
  };
}
