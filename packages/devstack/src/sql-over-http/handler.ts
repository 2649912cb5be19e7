import type { IncomingMessage, ServerResponse } from "node:http";
import type pg from "pg";
import { readBody } from "../http-body.ts";
import { parseAddress } from "../tunnel/address.ts";
import { createConnectionPools, type PooledConnection, type SqlPoolOptions } from "./pools.ts";
import {
  errorBody,
  fromQueryError,
  headerValue,
  parseSqlRequest,
  resultBody,
  SqlHttpError,
  type SqlRequest,
  type SqlStatement,
} from "./wire.ts";

export type { SqlPoolOptions } from "./pools.ts";

/** A guard for the stand-in itself, not a copy of Neon's limits. */
const maxRequestBytes = 10 * 1024 * 1024;
const tooLarge = () => new SqlHttpError(413, `request body over ${maxRequestBytes} bytes`);

// Every value stays Postgres' text: the driver picks a parser per column from dataTypeID.
const rawText: pg.CustomTypesConfig = { getTypeParser: () => (value: string) => value };

export interface SqlOverHttp {
  /** Answers `POST /sql`. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  stats(): { requests: number; pools: number };
  close(): Promise<void>;
}

/**
 * Neon's SQL-over-HTTP endpoint as `neon()` from @neondatabase/serverless 1.2 speaks it: the
 * target in `Neon-Connection-String`, `{query, params}` or `{queries: [...]}` (one transaction,
 * shaped by the `Neon-Batch-*` headers) in the body, results as text, and Postgres errors as a 400
 * whose JSON fields become NeonDbError's. Statements run with the extended protocol, as Neon's
 * do, so one request carries exactly one statement.
 */
export function createSqlOverHttp(opts: {
  /** "host:port" keys the endpoint may connect to, as the WebSocket tunnel's allow-list. */
  allowed: ReadonlySet<string>;
  pool?: SqlPoolOptions;
  log: (line: string) => void;
}): SqlOverHttp {
  const { log } = opts;
  const pools = createConnectionPools(opts.pool ?? {}, log);
  let requests = 0;
  let closing = false;

  const answer = async (req: IncomingMessage) => {
    if (closing) throw new SqlHttpError(503, "the Neon stand-in is shutting down");
    const connectionString = headerValue(req.headers, "neon-connection-string");
    if (!connectionString) throw new SqlHttpError(400, "missing Neon-Connection-String header");
    const target = databaseAddress(connectionString);
    if (!opts.allowed.has(target)) {
      log(`refused ${target}: not in the allow-list (POST /sql)`);
      throw new SqlHttpError(400, `${target} is not an allowed database address`);
    }
    const request = parseSqlRequest(
      req.headers,
      (await readBody(req, maxRequestBytes, tooLarge)).toString("utf8"),
    );
    const arrayMode = headerValue(req.headers, "neon-array-mode") === "true";
    let connection: PooledConnection;
    try {
      connection = await pools.checkout(connectionString);
    } catch (error) {
      const failure = fromQueryError(error);
      if (failure.status !== 400) log(`cannot reach ${target}: ${failure.message}`);
      throw failure;
    }
    return execute(connection, request, arrayMode);
  };

  return {
    async handle(req, res) {
      requests++;
      let status = 200;
      let body: string;
      try {
        body = JSON.stringify(await answer(req));
      } catch (error) {
        const failure = error instanceof SqlHttpError ? error : new SqlHttpError(500, String(error));
        status = failure.status;
        body = errorBody(failure);
      }
      res.writeHead(status, { "content-type": "application/json" });
      res.end(body);
    },
    stats: () => ({ requests, pools: pools.size }),
    async close() {
      closing = true;
      await pools.close();
    },
  };
}

async function execute(connection: PooledConnection, request: SqlRequest, arrayMode: boolean) {
  const { client } = connection;
  try {
    if (request.kind === "single") {
      const result = resultBody(await run(client, request.statement), arrayMode);
      connection.release();
      return result;
    }
    await client.query(request.begin);
    const results = [];
    for (const statement of request.statements)
      results.push(resultBody(await run(client, statement), arrayMode));
    await client.query("COMMIT");
    connection.release();
    return { results };
  } catch (error) {
    const failure = fromQueryError(error);
    if (failure.status === 400) {
      // A failed statement aborts the batch; ROLLBACK leaves the connection idle and reusable.
      if (request.kind === "batch") await client.query("ROLLBACK").catch(() => {});
      connection.release();
    } else {
      connection.release(error instanceof Error ? error : failure);
    }
    throw failure;
  }
}

function run(client: pg.PoolClient, statement: SqlStatement) {
  const config: pg.QueryArrayConfig & { queryMode: "extended" } = {
    text: statement.query,
    values: statement.params,
    rowMode: "array",
    types: rawText,
    queryMode: "extended",
  };
  return client.query(config);
}

/** "host:port" of a connection string, normalised as the tunnel normalises its allow-list. */
function databaseAddress(connectionString: string): string {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new SqlHttpError(400, "Neon-Connection-String is not a URL");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:")
    throw new SqlHttpError(400, "Neon-Connection-String must be a postgres:// or postgresql:// URL");
  const address = parseAddress(`${url.hostname}:${url.port || "5432"}`);
  if (!address) throw new SqlHttpError(400, "Neon-Connection-String has no usable host and port");
  return address.key;
}
