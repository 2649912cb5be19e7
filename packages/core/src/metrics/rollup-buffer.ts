import {
  addTallyIncrements,
  type CallTally,
  type EdgeCallSample,
  emptyTally,
  statusClassOf,
  tallyCall,
} from "./edge-rollup.ts";
import { periodStart } from "./rollup-periods.ts";
import type { RollupBatch } from "./rollup-store.ts";

/**
 * Calls an isolate has counted but not yet written: summed per (prefix, minute) so a busy isolate
 * writes one pipeline per `flushMs` instead of one per request. Each call keeps the minute it was
 * made in, whenever the flush happens. What an evicted isolate had not flushed is lost (at most
 * `flushMs` of its calls); `flushMs` 0 writes every request's calls with that request.
 */
export class RollupBuffer {
  // Calls are kept as tallies per (labels, status class) and spelled out as hash fields only when
  // written: a busy isolate adds to a handful of tallies per request instead of a dozen fields.
  private readonly pending = new Map<
    string,
    { prefix: string; minute: number; tallies: Map<string, CallTally> }
  >();
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
      batch = { prefix, minute, tallies: new Map() };
      this.pending.set(key, batch);
    }
    for (const sample of samples) {
      const kind = `${sample.procedure}\0${sample.region}\0${sample.colo}\0${statusClassOf(sample.status)}`;
      let tally = batch.tallies.get(kind);
      if (!tally) {
        tally = emptyTally(sample);
        batch.tallies.set(kind, tally);
      }
      tallyCall(tally, sample.latencyMs);
    }
  }

  /** The batches to write now, or none while the last flush is recent. */
  takeDue(now: number): RollupBatch[] {
    if (this.pending.size === 0 || now - this.lastFlush < this.flushMs) return [];
    this.lastFlush = now;
    const batches = [...this.pending.values()].map(({ prefix, minute, tallies }) => {
      const increments = new Map<string, number>();
      for (const tally of tallies.values()) addTallyIncrements(increments, tally);
      return { prefix, minute, increments };
    });
    this.pending.clear();
    return batches;
  }
}
