import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "./migrate.ts";

const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface ScratchDatabase {
  /** Connection string of the new database (same server and credentials as the admin URL). */
  url: string;
  name: string;
  /** Terminates every connection to it and drops it; safe to call twice. */
  drop(): Promise<void>;
}

/**
 * A fresh, uniquely named database for one test file, so suites run in parallel without sharing
 * rows. Lives here rather than in @hometrip/testkit because this package's own tests and the
 * devstack's need it too, and testkit depends on both. The server comes from TEST_PG_ADMIN_URL
 * (test entry points may read env).
 */
export async function createScratchDatabase(
  opts: { prefix?: string; migrated?: boolean } = {},
): Promise<ScratchDatabase> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL || DEFAULT_ADMIN_URL;
  const prefix = (opts.prefix ?? "test").toLowerCase().replace(/[^a-z0-9_]/g, "_");
  // Unquoted identifiers are limited to 63 bytes; keep the random suffix intact.
  const name = `ht_${prefix.slice(0, 40)}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await withAdmin(adminUrl, (admin) => admin.query(`create database "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await withAdmin(adminUrl, async (admin) => {
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [name]);
      await admin.query(`drop database if exists "${name}"`);
    });
  };
  if (opts.migrated !== false) {
    try {
      await migrate(url.toString());
    } catch (error) {
      await drop();
      throw error;
    }
  }
  return { url: url.toString(), name, drop };
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
