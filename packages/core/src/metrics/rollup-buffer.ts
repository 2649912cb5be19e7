import { type EdgeCallSample, rollupIncrements } from "./edge-rollup.ts";
import { periodStart } from "./rollup-periods.ts";
import type { RollupBatch } from "./rollup-store.ts";

/**
 * Calls an isolate has counted but not yet written: summed per (prefix, minute) so a busy isolate
 * writes one pipeline per `flushMs` instead of one per request. Each call keeps the minute it was
 * made in, whenever the flush happens. What an evicted isolate had not flushed is lost (at most
 * `flushMs` of its calls); `flushMs` 0 writes every request's calls with that request.
 */
export class RollupBuffer {
  private readonly pending = new Map<string, RollupBatch>();
  private lastFlush: number;

  constructor(
    readonly flushMs: number,
    now: number,
  ) {
    this.lastFlush = now;
  }

  add(prefix: string, at: Date, samples: EdgeCallSample[]): void {
    if (samples.length === 0) return;
    const minute = periodStart(at, "minute");
    const key = `${prefix}\n${minute}`;
    let batch = this.pending.get(key);
    if (!batch) {
      batch = { prefix, minute, increments: new Map() };
      this.pending.set(key, batch);
    }
    for (const [field, by] of rollupIncrements(samples)) {
      batch.increments.set(field, (batch.increments.get(field) ?? 0) + by);
    }
  }

  /** The batches to write now, or none while the last flush is recent. */
  takeDue(now: number): RollupBatch[] {
    if (this.pending.size === 0 || now - this.lastFlush < this.flushMs) return [];
    this.lastFlush = now;
    const batches = [...this.pending.values()];
    this.pending.clear();
    return batches;
  }
}
