import { randomBytes } from "node:crypto";
import { migrate } from "@hometrip/db/migrate";
import pg from "pg";

const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  /** Connection string of the new database (same server and credentials as the admin URL). */
  url: string;
  name: string;
  /** Terminates every connection to it and drops it; safe to call twice. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database per test file so suites can run in parallel without sharing rows.
 * The admin server comes from TEST_PG_ADMIN_URL (test runners are entry points and may read env).
 */
export async function createTestDatabase(opts: { prefix?: string } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL || DEFAULT_ADMIN_URL;
  const prefix = (opts.prefix ?? "test").toLowerCase().replace(/[^a-z0-9_]/g, "_");
  // Unquoted identifiers are limited to 63 bytes; keep the random suffix intact.
  const name = `ht_${prefix.slice(0, 40)}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await withAdmin(adminUrl, (admin) => admin.query(`create database "${name}"`));
  const url = databaseUrl(adminUrl, name);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await withAdmin(adminUrl, async (admin) => {
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [name]);
      await admin.query(`drop database if exists "${name}"`);
    });
  };
  try {
    await migrate(url);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, name, drop };
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
