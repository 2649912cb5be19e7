import type { ListingView } from "@hometrip/contracts";
import type { RollupBuffer } from "@hometrip/core";
import type { LeaseBook } from "@hometrip/kv";

/**
 * What one isolate keeps between requests, so a hot read does not pay a Redis round trip each
 * time: the rate-limit budget it leased, published listing views it served moments ago, and the
 * metrics it has not written yet. Made
 * once per app (`createApp`, so per isolate in production); a test's app gets its own.
 */
export interface IsolateState {
  rateLeases: LeaseBook;
  listingViews: NearCache<ListingView>;
  /**
   * The `listings.get` answer body of a view in `listingViews`, serialized once per view object:
   * a view forgotten or replaced there takes its answer with it.
   */
  listingAnswers: WeakMap<ListingView, string>;
  /** Metrics counted and not yet written; made on first use with METRICS_FLUSH_SECONDS. */
  rollups?: RollupBuffer;
}

export function createIsolateState(opts: { listingViewSeconds?: number } = {}): IsolateState {
  return {
    rateLeases: new Map(),
    listingViews: new NearCache((opts.listingViewSeconds ?? 5) * 1000),
    listingAnswers: new WeakMap(),
  };
}

/**
 * A small in-memory map whose entries live `ttlMs`. Entries are forgotten when this isolate commits
 * a change to them; a change made elsewhere (another isolate, the workers) shows after `ttlMs`.
 */
export class NearCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get(key: string, now: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > now) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T, now: number): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, until: now + this.ttlMs });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
