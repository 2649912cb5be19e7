import { Client, Pool, type WebSocketConstructor } from "@neondatabase/serverless";
import { createTableRelationsHelpers, extractTablesRelationalConfig } from "drizzle-orm";
import { NeonDatabase } from "drizzle-orm/neon-serverless";
import { PgDialect } from "drizzle-orm/pg-core";
// `#websocket` is a conditional import (package.json "imports"): under the "node" condition it
// is `ws`, everywhere else (workerd via wrangler's "workerd"/"worker" conditions, browsers) a
// module with no imports. So Node 20 callers need no extra argument, and the Worker bundle
// never contains `ws` (which needs node:net/tls and cannot run in workerd).
import { fallbackWebSocket } from "#websocket";
import * as schema from "./schema/index.ts";
import { NeonRoundTripSession } from "./transactions.ts";
import { coalescingWebSocket } from "./websocket/coalescing.ts";

export type Database = NeonDatabase<typeof schema>;

/**
 * The relational map of the schema, for `db.query.*`. `drizzle({ schema })` derives it on every
 * call, about half a millisecond of CPU, and a Worker builds a database per request; the schema
 * is fixed, so it is derived once per isolate.
 */
let relational: ConstructorParameters<typeof NeonDatabase>[2] | undefined;
function relationalSchema() {
  if (!relational) {
    const { tables, tableNamesMap } = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
    relational = { fullSchema: schema, schema: tables, tableNamesMap };
  }
  return relational;
}

/** What `drizzle({ client: pool, schema })` builds, with the relational map derived once. */
function drizzleOver(pool: Pool): Database {
  const dialect = new PgDialect();
  const db = new NeonDatabase(
    dialect,
    new NeonRoundTripSession(pool, dialect, relationalSchema() as never),
    relationalSchema(),
  );
  return Object.assign(db, { $client: pool }) as unknown as Database;
}
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DbOrTx = Database | Tx;

export interface CreateDbOptions {
  databaseUrl: string;
  /** `host:port/path` of the local WebSocket-to-TCP tunnel (devstack); unset in production. */
  wsProxy?: string;
  max?: number;
  /** How long an idle connection stays open; short when the server admits one client (PGlite). */
  idleTimeoutMillis?: number;
  /** Overrides the WebSocket implementation; by default the global one, or `ws` on Node 20. */
  webSocketConstructor?: WebSocketConstructor;
}

/**
 * Neon's Pool + drizzle, the same driver in every runtime. Settings are applied per client
 * rather than on the global `neonConfig`, so two pools in one process (tests, dev tools) can
 * point at different tunnels without stepping on each other.
 * In a Worker, create one per request and end it with `ctx.waitUntil(pool.end())`.
 */
export function createDb(opts: CreateDbOptions): { db: Database; pool: Pool } {
  const { wsProxy } = opts;
  const base = opts.webSocketConstructor ?? fallbackWebSocket ?? globalThis.WebSocket;
  // One frame per query instead of one per Postgres message, without the driver's timer delay.
  const webSocketConstructor = base && coalescingWebSocket(base as WebSocketConstructor);

  class ConfiguredClient extends Client {
    constructor(config?: ConstructorParameters<typeof Client>[0]) {
      super(config);
      const cfg = this.neonConfig;
      if (webSocketConstructor) {
        cfg.webSocketConstructor = webSocketConstructor;
        // The socket above joins a query's writes itself; the driver's own joining waits a timer tick.
        cfg.coalesceWrites = false;
      }
      if (wsProxy) {
        cfg.wsProxy = (host, port) => `${wsProxy}?address=${host}:${port}`;
        cfg.useSecureWebSocket = false;
        // A pipelined password is rejected by SCRAM auth and by PGlite.
        cfg.pipelineConnect = false;
      }
    }
  }

  class ConfiguredPool extends Pool {
    override Client = ConfiguredClient;
  }

  const pool = new ConfiguredPool({
    connectionString: opts.databaseUrl,
    max: opts.max ?? 10,
    ...(opts.idleTimeoutMillis === undefined ? {} : { idleTimeoutMillis: opts.idleTimeoutMillis }),
  });
  return { db: drizzleOver(pool), pool };
}
