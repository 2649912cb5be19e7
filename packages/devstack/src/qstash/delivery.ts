import type { SignDelivery } from "./signing.ts";
import type { BrokerStore } from "./store.ts";
import type { AttemptResult, Log, StoredMessage } from "./types.ts";
import { headerRecord } from "./wire.ts";

// setTimeout overflows past ~24.8 days; longer delays wake up early and re-arm.
const MAX_TIMER_MS = 2 ** 31 - 1;
const BODYLESS = new Set(["GET", "HEAD"]);
/**
 * Deliveries on the wire at once, by default. A burst (a relay publishing batches of 100 faster
 * than the consumer applies them) would otherwise become thousands of concurrent requests: the
 * consumer's event loop then queues its database answers behind them, and the broker's own HTTP
 * client queues the publishers' requests behind its deliveries. QStash, too, caps how many
 * requests it has open towards a destination.
 */
export const DEFAULT_MAX_IN_FLIGHT = 32;

/** QStash's default: min(1 day, e^(2.5 n)) seconds before retry n. */
export function defaultBackoff(retried: number): number {
  return Math.min(86_400, Math.exp(2.5 * retried)) * 1000;
}

export interface DeliveryDeps {
  store: BrokerStore;
  sign: SignDelivery;
  /** ms to wait before retry number `retried` (1-based). */
  backoff: (retried: number) => number;
  log: Log;
  onDelivered(message: StoredMessage, result: AttemptResult): Promise<void>;
  onExhausted(message: StoredMessage, result: AttemptResult): Promise<void>;
  /** Attempts on the wire at once (default DEFAULT_MAX_IN_FLIGHT); due messages beyond it wait their turn, oldest due first. */
  maxInFlight?: number;
}

/**
 * Owns every pending message's timer and in-flight attempt. Disk holds the truth: a message
 * leaves `store.messages` only once delivered or dead-lettered, so a restart resumes it.
 */
export class DeliveryScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Map<string, { abort: AbortController; done: Promise<void> }>();
  /** Due messages waiting for a free attempt slot, oldest first (a Set keeps insertion order). */
  private readonly due = new Set<string>();
  private readonly maxInFlight: number;
  private closed = false;

  constructor(private readonly deps: DeliveryDeps) {
    this.maxInFlight = deps.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  }

  /** Starts (or re-evaluates) delivery of a stored message. */
  track(message: StoredMessage): void {
    if (message.queueName) this.pumpQueue(message.queueName);
    else this.arm(message);
  }

  /** Queues are FIFO: only the oldest `parallelism` messages are armed; a retrying head blocks. */
  pumpQueue(name: string): void {
    if (this.closed) return;
    const queue = this.deps.store.queues.get(name);
    const members = this.deps.store.messages
      .values()
      .filter((m) => m.queueName === name)
      .sort((a, b) => a.sequence - b.sequence);
    if (queue?.paused) {
      // Waiting timers stop; an attempt already on the wire is left to finish.
      for (const m of members) this.disarm(m.messageId);
      return;
    }
    let active = members.filter((m) => this.isActive(m.messageId)).length;
    for (const m of members) {
      if (active >= (queue?.parallelism ?? 1)) break;
      if (this.isActive(m.messageId)) continue;
      this.arm(m);
      active++;
    }
  }

  /** Stops a pending message; the caller removes it from the store. */
  cancel(messageId: string): void {
    this.disarm(messageId);
    this.inFlight.get(messageId)?.abort.abort();
  }

  private disarm(messageId: string): void {
    clearTimeout(this.timers.get(messageId));
    this.timers.delete(messageId);
    this.due.delete(messageId);
  }

  /**
   * Stops all timers, lets attempts on the wire finish for up to `graceMs` (a delivery cut
   * off after the consumer acted would be delivered again after restart), then aborts the rest.
   */
  async close(graceMs = 2000): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.due.clear();
    const pending = [...this.inFlight.values()];
    let grace: NodeJS.Timeout | undefined;
    const graceOver = new Promise<void>((resolve) => {
      grace = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.allSettled(pending.map((a) => a.done)), graceOver]);
    clearTimeout(grace);
    for (const attempt of pending) attempt.abort.abort();
    await Promise.allSettled(pending.map((a) => a.done));
  }

  private isActive(messageId: string): boolean {
    return this.timers.has(messageId) || this.inFlight.has(messageId) || this.due.has(messageId);
  }

  private arm(message: StoredMessage): void {
    if (this.closed || this.inFlight.has(message.messageId)) return;
    this.disarm(message.messageId);
    const wait = Math.max(0, message.notBefore - Date.now());
    const timer = setTimeout(() => this.fire(message.messageId), Math.min(wait, MAX_TIMER_MS));
    this.timers.set(message.messageId, timer);
  }

  private fire(messageId: string): void {
    this.timers.delete(messageId);
    const message = this.deps.store.messages.get(messageId);
    if (this.closed || !message) return;
    if (message.notBefore > Date.now()) {
      this.arm(message);
      return;
    }
    if (this.inFlight.size >= this.maxInFlight) {
      this.due.add(messageId);
      return;
    }
    const entry = { abort: new AbortController(), done: Promise.resolve() };
    entry.done = this.attempt(message, entry.abort.signal)
      .catch((error: unknown) => this.deps.log(`${messageId} bookkeeping failed: ${String(error)}`))
      .finally(() => {
        if (this.inFlight.get(messageId) === entry) this.inFlight.delete(messageId);
        this.fireNextDue();
      });
    this.inFlight.set(messageId, entry);
  }

  private fireNextDue(): void {
    while (this.inFlight.size < this.maxInFlight) {
      const [next] = this.due;
      if (next === undefined) return;
      this.due.delete(next);
      this.fire(next);
    }
  }

  private async attempt(message: StoredMessage, closing: AbortSignal): Promise<void> {
    const result = await this.send(message, closing);
    // Aborted by close() or cancel: not an attempt; the message stays as it was on disk.
    if (closing.aborted) return;
    const { store, log } = this.deps;
    const attemptNo = `${message.retried + 1}/${message.maxRetries + 1}`;
    log(
      `${message.method} ${message.url} ${message.messageId} attempt ${attemptNo} → ${result.status ?? result.error}`,
    );

    const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
    // 489 + Upstash-NonRetryable-Error is QStash's "do not retry" answer.
    const nonRetryable =
      result.status === 489 && result.header?.["upstash-nonretryable-error"]?.[0] === "true";
    if (!ok && !nonRetryable && message.retried < message.maxRetries) {
      const retried = message.retried + 1;
      const next = { ...message, retried, notBefore: Date.now() + this.deps.backoff(retried) };
      await store.messages.put(next);
      this.inFlight.delete(message.messageId);
      this.arm(next);
      return;
    }
    if (ok) await this.deps.onDelivered(message, result);
    else await this.deps.onExhausted(message, result);
    await store.messages.delete(message.messageId);
    this.inFlight.delete(message.messageId);
    if (message.queueName) this.pumpQueue(message.queueName);
  }

  private async send(message: StoredMessage, closing: AbortSignal): Promise<AttemptResult> {
    const body = Buffer.from(message.bodyBase64, "base64");
    const headers = new Headers(message.headers);
    headers.set("User-Agent", "Upstash-QStash");
    headers.set("Upstash-Message-Id", message.messageId);
    headers.set("Upstash-Retried", String(message.retried));
    if (message.scheduleId) headers.set("Upstash-Schedule-Id", message.scheduleId);
    // Signed per attempt so a late retry still carries an unexpired token.
    headers.set("Upstash-Signature", await this.deps.sign({ url: message.url, body }));
    try {
      const response = await fetch(message.url, {
        method: message.method,
        headers,
        body: BODYLESS.has(message.method) ? undefined : body,
        signal: AbortSignal.any([closing, AbortSignal.timeout(message.timeoutMs)]),
      });
      return { status: response.status, header: headerRecord(response.headers), body: await response.text() };
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
      return { error: `${error instanceof Error ? error.message : String(error)}${cause}` };
    }
  }
}
