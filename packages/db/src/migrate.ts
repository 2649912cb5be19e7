import { drizzle } from "drizzle-orm/node-postgres";
import { migrate as runMigrations } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { migrationsFolder } from "./paths.ts";

/** Arbitrary constant shared by every migrator process; the advisory lock serialises them. */
const MIGRATION_LOCK_KEY = 7_314_159_265;

export interface MigrateOptions {
  log?: (line: string) => void;
  /** Defaults to the repository's `drizzle/` folder. */
  migrationsFolder?: string;
}

/**
 * Applies pending migrations over plain TCP (node-postgres), so it works against Postgres and
 * PGlite alike without the WebSocket tunnel. Concurrent callers (dev orchestrator, test
 * workers) wait on a session advisory lock; whoever comes second finds nothing to do.
 */
export async function migrate(databaseUrl: string, opts: MigrateOptions = {}): Promise<void> {
  const log = opts.log ?? (() => {});
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The migrator's `create ... if not exists` statements would print "already exists,
    // skipping" notices on every run.
    await client.query("set client_min_messages = warning");
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      const before = await appliedCount(client);
      await runMigrations(drizzle(client), { migrationsFolder: opts.migrationsFolder ?? migrationsFolder });
      const after = await appliedCount(client);
      const applied = after - before;
      log(applied === 0 ? "migrations: up to date" : `migrations: applied ${applied} (total ${after})`);
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function appliedCount(client: pg.Client): Promise<number> {
  const table = await client.query<{ t: string | null }>(
    "select to_regclass('drizzle.__drizzle_migrations') as t",
  );
  if (!table.rows[0]?.t) return 0;
  const { rows } = await client.query<{ n: number }>(
    "select count(*)::int as n from drizzle.__drizzle_migrations",
  );
  return rows[0]?.n ?? 0;
}
