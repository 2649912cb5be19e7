import { wrongType } from "./reply.ts";

export type Value =
  | { type: "string"; v: Buffer }
  | { type: "hash"; v: Map<string, Buffer> }
  | { type: "list"; v: Buffer[] }
  | { type: "set"; v: Set<string> }
  | { type: "zset"; v: Map<string, number> };
export type TypeName = Value["type"];
type Entry = { value: Value; expiresAt?: number };
type ValueOf<T extends TypeName> = Extract<Value, { type: T }>["v"];

/**
 * Every key of the embedded Redis, in memory. Keys are kept as latin1 strings, which map byte for
 * byte, so binary keys survive. A key past its expiry is gone the moment anything looks at it,
 * and `sweep` drops the ones nothing looks at. An aggregate left empty is deleted, as in Redis.
 */
export class Keyspace {
  private readonly entries = new Map<string, Entry>();
  private readonly scanCursors = new Map<number, string>();
  private lastCursor = 0;

  constructor(readonly now: () => number = Date.now) {}

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  has(key: string): boolean {
    return this.live(key) !== undefined;
  }

  type(key: string): TypeName | undefined {
    return this.live(key)?.value.type;
  }

  /** The key's value if it holds `type`; undefined if absent; WRONGTYPE if it holds another type. */
  get<T extends TypeName>(key: string, type: T): ValueOf<T> | undefined {
    const entry = this.live(key);
    if (!entry) return undefined;
    if (entry.value.type !== type) throw wrongType();
    return entry.value.v as ValueOf<T> | undefined;
  }

  /** The key's aggregate of `type`, created empty when absent (the caller then fills it). */
  getOrCreate<T extends Exclude<TypeName, "string">>(key: string, type: T): ValueOf<T> {
    const found = this.get(key, type);
    if (found !== undefined) return found as ValueOf<T>;
    const fresh = { hash: () => new Map(), list: () => [], set: () => new Set(), zset: () => new Map() }[
      type
    ]();
    this.entries.set(key, { value: { type, v: fresh } as Value });
    return fresh as ValueOf<T>;
  }

  /** Replaces the value; the TTL is dropped unless `keepTtl`. */
  setString(key: string, v: Buffer, opts: { expiresAt?: number; keepTtl?: boolean } = {}): void {
    const expiresAt = opts.keepTtl ? this.live(key)?.expiresAt : opts.expiresAt;
    this.entries.set(key, { value: { type: "string", v }, expiresAt });
  }

  /** Deletes the key if its aggregate is empty, after a command removed from it. */
  dropIfEmpty(key: string): void {
    const value = this.live(key)?.value;
    if (!value || value.type === "string") return;
    const size = Array.isArray(value.v) ? value.v.length : value.v.size;
    if (size === 0) this.entries.delete(key);
  }

  delete(key: string): boolean {
    return this.live(key) !== undefined && this.entries.delete(key);
  }

  /** Milliseconds left, -1 without expiry, -2 when the key does not exist. */
  pttl(key: string): number {
    const entry = this.live(key);
    if (!entry) return -2;
    return entry.expiresAt === undefined ? -1 : Math.max(0, entry.expiresAt - this.now());
  }

  /** Sets (or with undefined, removes) the expiry; false when the key does not exist. */
  expireAt(key: string, at: number | undefined): boolean {
    const entry = this.live(key);
    if (!entry) return false;
    if (at !== undefined && at <= this.now()) this.entries.delete(key);
    else entry.expiresAt = at;
    return true;
  }

  rename(from: string, to: string): boolean {
    const entry = this.live(from);
    if (!entry) return false;
    this.entries.delete(from);
    this.entries.set(to, entry);
    return true;
  }

  /** Live keys in insertion order; SCAN pages through this list by position. */
  keys(): string[] {
    return [...this.entries.keys()].filter((key) => this.live(key) !== undefined);
  }

  /**
   * One SCAN page in key order. A cursor names the last key of the page before it, so keys added
   * or deleted in between never make a page skip a key that was there throughout.
   */
  scan(cursor: number, count: number): { keys: string[]; next: number } {
    const after = cursor === 0 ? undefined : this.scanCursors.get(cursor);
    if (cursor !== 0 && after === undefined) return { keys: [], next: 0 };
    const sorted = this.keys().sort();
    const from = after === undefined ? 0 : sorted.findIndex((k) => k > after);
    const keys = from === -1 ? [] : sorted.slice(from, from + count);
    if (from === -1 || from + count >= sorted.length) return { keys, next: 0 };
    const next = ++this.lastCursor;
    this.scanCursors.set(next, keys[keys.length - 1]!);
    // An abandoned scan leaves its cursor behind; keep only the most recent ones.
    if (this.scanCursors.size > 10_000) this.scanCursors.delete(this.scanCursors.keys().next().value!);
    return { keys, next };
  }

  flush(): void {
    this.entries.clear();
  }

  /** Drops expired keys nothing has touched; returns how many. */
  sweep(): number {
    let dropped = 0;
    for (const key of [...this.entries.keys()]) if (!this.live(key)) dropped++;
    return dropped;
  }
}
