import pg from "pg";

/** A database URL with its password masked, safe to print in logs and errors. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/** Host and port a Postgres URL points at, as the tunnel allow-list needs them. */
export function addressOf(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname.toLowerCase(), port: Number(parsed.port || 5432) };
}

/** Connects and runs `SELECT 1`; throws the driver's error if the server does not answer in time. */
export async function probePostgres(url: string, timeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  // A server that vanishes mid-probe emits 'error' on the client; the rejected query reports it.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates `name` on the server behind `adminUrl` unless it exists; safe when run concurrently. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<"created" | "existed"> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid database name "${name}"`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return "existed";
    await client.query(`CREATE DATABASE ${name}`);
    return "created";
  } catch (err) {
    // 42P04 duplicate_database: another process won the race, which is fine.
    if ((err as { code?: string }).code === "42P04") return "existed";
    throw err;
  } finally {
    await client.end();
  }
}

/** The same server as `url`, but database `name`. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
