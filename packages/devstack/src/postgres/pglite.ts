import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { cube } from "@electric-sql/pglite/contrib/cube";
import { earthdistance } from "@electric-sql/pglite/contrib/earthdistance";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { startConnectionGate } from "./connection-gate.ts";

export interface RunningPglite {
  /** PGlite has exactly one database, `postgres`; user and password are not checked. */
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

const HOST = "127.0.0.1";

/**
 * Embedded Postgres 18 (WASM) persisted in `${dataDir}/pglite`, served over TCP.
 *
 * Limits worth knowing:
 * - One connection at a time. Further clients wait in line at a connection gate (up to
 *   `waitTimeoutMs`, then SQLSTATE 53300), so every pool pointed at it needs `max: 1` (a
 *   second connection from the same pool would wait on the first forever), and processes
 *   sharing it should not hold idle connections for long. pglite-socket's multi-connection
 *   mode interleaves protocol messages of different clients on one session, which breaks the
 *   extended protocol, so it stays off.
 * - It keeps the socket open after a Terminate; the Neon tunnel closes it so the slot frees.
 * - The neon driver's `pipelineConnect: "password"` hangs against it: use `false`.
 * - The user and database in the connection string are ignored (always postgres/postgres).
 * - One process per data directory: two PGlite instances on the same files corrupt them.
 */
export async function startPglite(opts: {
  dataDir: string;
  port: number;
  waitTimeoutMs?: number;
  log: (line: string) => void;
}): Promise<RunningPglite> {
  // Fail before touching the files if the port is taken (most often: a dev stack already runs).
  await assertPortFree(opts.port);
  const directory = join(opts.dataDir, "pglite");
  await mkdir(directory, { recursive: true });
  const started = Date.now();
  // The same extensions the local Postgres offers, so a migration that runs there runs here.
  const db = await PGlite.create(directory, {
    extensions: { btree_gist, pg_trgm, cube, earthdistance, fuzzystrmatch },
  });
  opts.log(`PGlite opened ${directory} in ${Date.now() - started} ms`);

  // PGlite listens on a private ephemeral port; clients come in through the gate.
  const server = new PGLiteSocketServer({ db, host: HOST, port: 0, maxConnections: 1 });
  try {
    await server.start();
  } catch (err) {
    await db.close();
    throw err;
  }
  const gate = await startConnectionGate({
    host: HOST,
    port: opts.port,
    upstreamPort: Number(server.getServerConn().split(":").pop()),
    upstreamBusy: () => server.getStats().activeConnections > 0,
    waitTimeoutMs: opts.waitTimeoutMs ?? 30_000,
    log: opts.log,
  });
  return {
    url: `postgres://postgres:postgres@${HOST}:${gate.port}/postgres`,
    host: HOST,
    port: gate.port,
    close: async () => {
      await gate.close();
      await server.stop();
      await db.close();
    },
  };
}

function assertPortFree(port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          err.code === "EADDRINUSE"
            ? `PGlite port ${port} is already in use (another dev stack?); set PGLITE_PORT to a free port`
            : `PGlite cannot listen on port ${port}: ${err.message}`,
        ),
      ),
    );
    probe.listen(port, HOST, () => probe.close(() => resolve()));
  });
}
