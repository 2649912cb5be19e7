import type { Socket } from "node:net";

/** A Postgres connection the tunnel started and may lend to one client after another. */
export interface PooledBackend {
  /** Database address and start-up parameters: only a client sending the same ones may reuse it. */
  readonly key: string;
  readonly tcp: Socket;
  /** The ParameterStatus messages it sent at start-up, replayed to every later client. */
  readonly greeting: Buffer;
  /** Its BackendKeyData, for forwarding a client's CancelRequest. */
  readonly pid: number;
  readonly secret: number;
  /** Clients it has served. */
  uses: number;
}

export interface BackendPoolOptions {
  /** Database connections at once, lent or idle; beyond it clients wait in turn. Unset: no cap. */
  max?: number;
  /** Idle connections kept; more are closed as they come back. */
  maxIdle: number;
  /** An idle connection is closed after this long. */
  idleTimeoutMs: number;
}

/**
 * Slot accounting and idle backends for the session-pooling tunnel, as PgBouncer keeps a pool per
 * database and user: `acquire` hands out a warm backend for the key, or leave to dial a new one
 * (null) while the cap allows; otherwise the caller waits, first come first served. Every
 * backend, lent or idle, and every dial in progress counts against `max`.
 */
export class BackendPool {
  private live = 0;
  private readonly idle = new Map<string, { backend: PooledBackend; forget(): void }[]>();
  private readonly waiting: { key: string; grant(backend: PooledBackend | null): void }[] = [];

  constructor(private readonly opts: BackendPoolOptions) {}

  get stats() {
    let idle = 0;
    for (const list of this.idle.values()) idle += list.length;
    return { live: this.live, idle, waiting: this.waiting.length };
  }

  acquire(key: string): Promise<PooledBackend | null> {
    const warm = this.takeIdle(key);
    if (warm) return Promise.resolve(warm);
    if (this.opts.max === undefined || this.live < this.opts.max) {
      this.live++;
      return Promise.resolve(null);
    }
    // Full, but some slot is only held by an idle backend another database or user left behind.
    const [otherKey] = this.idle.keys();
    const other = otherKey === undefined ? undefined : this.takeIdle(otherKey);
    if (other) {
      other.tcp.destroy(); // its slot passes straight to this dial
      return Promise.resolve(null);
    }
    return new Promise((grant) => this.waiting.push({ key, grant }));
  }

  /** A backend whose client is done and that is clean again (idle, after DISCARD ALL). */
  checkin(backend: PooledBackend): void {
    const next = this.waiting.shift();
    if (next?.key === backend.key) next.grant(backend);
    else if (next) {
      backend.tcp.destroy(); // its slot passes to the waiter, who needs another database or user
      next.grant(null);
    } else if (this.stats.idle >= this.opts.maxIdle || backend.tcp.destroyed) this.discard(backend);
    else this.park(backend);
  }

  /** Closes a backend, or gives back the slot of a dial that failed; the next waiter gets it. */
  discard(backend: PooledBackend | null): void {
    backend?.tcp.destroy();
    this.live--;
    const next = this.waiting.shift();
    if (next) {
      this.live++;
      next.grant(null);
    }
  }

  close(): void {
    for (const list of this.idle.values()) for (const entry of list) entry.backend.tcp.destroy();
    this.idle.clear();
  }

  private park(backend: PooledBackend): void {
    const { tcp } = backend;
    const list = this.idle.get(backend.key) ?? [];
    this.idle.set(backend.key, list);
    // Nothing may arrive from an idle backend; anything that does (an administrator's
    // termination notice, a crash) means it is no longer fit to lend.
    const lost = () => {
      const at = list.indexOf(entry);
      if (at < 0) return;
      list.splice(at, 1);
      if (list.length === 0) this.idle.delete(backend.key);
      entry.forget();
      this.discard(backend);
    };
    const timer = setTimeout(lost, this.opts.idleTimeoutMs);
    timer.unref();
    tcp.on("data", lost);
    tcp.on("close", lost);
    tcp.on("error", lost);
    const entry = {
      backend,
      forget: () => {
        clearTimeout(timer);
        tcp.off("data", lost);
        tcp.off("close", lost);
        tcp.off("error", lost);
      },
    };
    list.push(entry);
  }

  private takeIdle(key: string): PooledBackend | null {
    const list = this.idle.get(key);
    // Most recently used first: its caches are the warmest and the others can time out.
    const entry = list?.pop();
    if (!entry) return null;
    if (list?.length === 0) this.idle.delete(key);
    entry.forget();
    return entry.backend;
  }
}
