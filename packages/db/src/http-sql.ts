import { type NeonConfig, neon, neonConfig } from "@neondatabase/serverless";

/** Runs one parameterised statement per HTTPS request; fits `SqlExecutor` in @hometrip/search. */
export interface HttpSql {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface CreateHttpSqlOptions {
  connectionString: string;
  /**
   * Neon's SQL-over-HTTP endpoint. Unset, the driver derives Neon's own from the connection
   * string's host (`ep-x.eu-central-1.aws.neon.tech` → `https://api.eu-central-1.aws.neon.tech/sql`);
   * locally, the devstack tunnel's `POST /sql` (`http://127.0.0.1:4444/sql`).
   */
  fetchEndpoint?: string;
  /** Merged into every fetch, e.g. `{ signal: AbortSignal.timeout(5000) }`. */
  fetchOptions?: Record<string, unknown>;
}

/**
 * `neon()` over HTTP: every query is one POST answered by Neon's proxy from connections it keeps
 * warm, so a one-shot read in a Worker skips the WebSocket, the Postgres handshake and a cold
 * backend. There are no interactive transactions on this path (use `createDb` for those), and
 * it holds no socket, so one executor may serve any number of requests.
 */
export function createHttpSql(opts: CreateHttpSqlOptions): HttpSql {
  if (opts.fetchEndpoint) routeDatabase(opts.connectionString, opts.fetchEndpoint);
  const sql = neon(opts.connectionString, {
    fullResults: true,
    ...(opts.fetchOptions ? { fetchOptions: opts.fetchOptions } : {}),
  });
  return {
    async query(text, values = []) {
      const { rows } = await sql.query(text, values);
      return { rows };
    },
  };
}

// The driver reads `fetchEndpoint` only from the global neonConfig (NeonConfigGlobalOnly in 1.2)
// and calls it with the host and port of each query's connection string. Endpoints are therefore
// kept per database address, so two executors in one process can point at different databases'
// endpoints, and an address nobody registered still gets Neon's default.
const endpoints = new Map<string, string>();
let neonDefault: NeonConfig["fetchEndpoint"] | undefined;

function routeDatabase(connectionString: string, endpoint: string): void {
  const { hostname, port } = httpUrlOf(connectionString);
  endpoints.set(`${hostname}:${port}`, endpoint);
  if (neonDefault !== undefined) return;
  neonDefault = neonConfig.fetchEndpoint;
  const fallback = neonDefault;
  neonConfig.fetchEndpoint = (host, port, options) =>
    endpoints.get(`${host}:${port}`) ??
    (typeof fallback === "function" ? fallback(host, port, options) : fallback);
}

/** Host and port exactly as the driver sees them: it re-parses the connection string as http:. */
function httpUrlOf(connectionString: string): URL {
  const scheme = /^postgres(ql)?:/.exec(connectionString);
  if (!scheme) throw new Error("createHttpSql: connectionString must be a postgres:// or postgresql:// URL");
  return new URL(`http:${connectionString.slice(scheme[0].length)}`);
}
