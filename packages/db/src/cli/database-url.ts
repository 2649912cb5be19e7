import { ConfigError, parseDevstackEnv } from "@hometrip/config";
import pg from "pg";

export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/hometrip_dev";

/** DATABASE_URL from the environment (validated by the config package) or the local default. */
export function databaseUrlFromEnv(env: Record<string, unknown>): string {
  try {
    return parseDevstackEnv(env).DATABASE_URL ?? DEFAULT_DATABASE_URL;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/** Creates the target database when the server answers but the database does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const probe = new pg.Client({ connectionString: databaseUrl });
  try {
    await probe.connect();
    await probe.end();
    return;
  } catch (error) {
    await probe.end().catch(() => {});
    if ((error as { code?: string }).code !== "3D000") throw describeConnectError(databaseUrl, error);
  }
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`create database "${name.replaceAll('"', '""')}"`);
    console.error(`created database ${name}`);
  } catch (error) {
    // Another process created it between the probe and here.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await admin.end();
  }
}

function describeConnectError(databaseUrl: string, error: unknown): Error {
  const url = new URL(databaseUrl);
  url.password = url.password ? "***" : "";
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(
    `cannot reach Postgres at ${url.toString()}: ${reason}. Set DATABASE_URL or start Postgres.`,
  );
}
