import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "../../src/migrate.ts";

// @hometrip/testkit depends on this package, so these tests use their own small helper
// instead (a dev dependency on testkit would make a workspace cycle that turbo rejects).
const adminUrl = process.env.TEST_PG_ADMIN_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export interface ScratchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createScratchDatabase(opts: { migrated?: boolean } = {}): Promise<ScratchDatabase> {
  const name = `ht_db_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`create database "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const scratch: ScratchDatabase = {
    url: url.toString(),
    name,
    drop: () =>
      admin(async (c) => {
        await c.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [name]);
        await c.query(`drop database if exists "${name}"`);
      }),
  };
  if (opts.migrated !== false) await migrate(scratch.url);
  return scratch;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Connects a pg client for the duration of a test file. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The SQLSTATE of a failed query, whether raised by pg directly or wrapped by drizzle (`cause`). */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.code;
}
