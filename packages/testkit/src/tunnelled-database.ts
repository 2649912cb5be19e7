import { createDb, type Database } from "@hometrip/db";
import { startNeonTunnel } from "@hometrip/devstack";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

export interface TunnelledDatabase extends TestDatabase {
  /** drizzle over the production Neon driver, reaching the database through the local tunnel. */
  db: Database;
  /** The Neon Pool under `db`, for code that takes plain SQL (the search adapters). */
  pool: ReturnType<typeof createDb>["pool"];
  wsProxy: string;
  /** Ends the pool, stops the tunnel and drops the database. */
  close(): Promise<void>;
}

/** A fresh migrated database reached the way production code reaches Neon: Pool over WebSocket. */
export async function createTunnelledDatabase(
  opts: { prefix?: string; max?: number } = {},
): Promise<TunnelledDatabase> {
  const database = await createTestDatabase({ prefix: opts.prefix });
  const pg = new URL(database.url);
  const tunnel = await startNeonTunnel({ port: 0, allow: [`${pg.hostname}:${pg.port || 5432}`] });
  const { db, pool } = createDb({ databaseUrl: database.url, wsProxy: tunnel.wsProxy, max: opts.max ?? 4 });
  return {
    ...database,
    db,
    pool,
    wsProxy: tunnel.wsProxy,
    async close() {
      await pool.end();
      await tunnel.close();
      await database.drop();
    },
  };
}
