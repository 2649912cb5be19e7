import type { EventEmitter } from "node:events";
import pg from "pg";

export interface SqlPoolOptions {
  /** Connections per connection string; 1 against embedded PGlite, which serves a single client. */
  max?: number;
  /** How long an idle connection stays open and warm; short on PGlite so others get their turn. */
  idleTimeoutMillis?: number;
}

export interface PooledConnection {
  client: pg.PoolClient;
  /** Back to the pool, or closed when `failed` or when the backend is not idle (an open transaction). */
  release(failed?: Error): void;
}

export interface ConnectionPools {
  checkout(connectionString: string): Promise<PooledConnection>;
  readonly size: number;
  close(): Promise<void>;
}

/**
 * One node-postgres Pool per connection string, as Neon's proxy keeps pooled connections per
 * endpoint, database and role: a request borrows a connection that is already authenticated and
 * has warm catalog caches, instead of starting a new backend.
 */
export function createConnectionPools(opts: SqlPoolOptions, log: (line: string) => void): ConnectionPools {
  const pools = new Map<string, pg.Pool>();
  // Transaction status from the backend's last ReadyForQuery: 'I' idle, 'T' in a transaction,
  // 'E' in a failed one. node-postgres keeps it to itself, so it is read off the connection.
  const status = new WeakMap<pg.ClientBase, string>();

  const poolFor = (connectionString: string) => {
    let pool = pools.get(connectionString);
    if (!pool) {
      pool = new pg.Pool({
        connectionString,
        max: opts.max ?? 10,
        idleTimeoutMillis: opts.idleTimeoutMillis ?? 300_000,
        connectionTimeoutMillis: 15_000,
      });
      pool.on("connect", (client) => {
        const connection = (client as unknown as { connection: EventEmitter }).connection;
        connection.on("readyForQuery", (message: { status: string }) => status.set(client, message.status));
      });
      // An idle connection dropped by Postgres (restart, pg_terminate_backend) must not crash dev.
      pool.on("error", (error) => log(`idle pooled connection lost: ${error.message}`));
      pools.set(connectionString, pool);
    }
    return pool;
  };

  return {
    async checkout(connectionString) {
      const client = await poolFor(connectionString).connect();
      return {
        client,
        // A single query may have run BEGIN; a connection left inside a transaction would hand
        // its locks and uncommitted rows to the next request, so it is closed instead.
        release: (failed) => client.release(failed ?? (status.get(client) ?? "I") !== "I"),
      };
    },
    get size() {
      return pools.size;
    },
    async close() {
      const ending = [...pools.values()].map((pool) => pool.end().catch(() => {}));
      pools.clear();
      await Promise.all(ending);
    },
  };
}
