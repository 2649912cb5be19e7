import { startPglite } from "./postgres/pglite.ts";
import { addressOf, ensureDatabase, probePostgres, redactUrl, withDatabase } from "./postgres/probe.ts";

export interface ResolvePostgresOptions {
  /** DATABASE_URL, when the developer set one: used as is, and it must answer. */
  databaseUrl?: string;
  /** Root of the local state (`.hometrip`); PGlite keeps its files in `${dataDir}/pglite`. */
  dataDir: string;
  pglitePort: number;
  /** Database to create on a local Postgres; PGlite has a single database and ignores it. */
  dbName: string;
  /** Admin URL of the "local Postgres" to try; tests point it at a closed port. */
  localUrl?: string;
  /** "pglite" skips DATABASE_URL and the local probe: the embedded database, whatever else runs. */
  mode?: "auto" | "pglite";
  /** How long a server may take to answer the probe. */
  probeTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface ResolvedPostgres {
  /** "url": DATABASE_URL; "local": Postgres on localhost; "pglite": embedded, one connection (`max: 1`). */
  kind: "url" | "local" | "pglite";
  url: string;
  /** Address behind `url`, for the Neon tunnel allow-list. */
  host: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_LOCAL_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * Picks the Postgres for the local platform: DATABASE_URL if set; else a Postgres on
 * 127.0.0.1:5432 if one answers (creating `dbName` there); else embedded PGlite.
 */
export async function resolvePostgres(opts: ResolvePostgresOptions): Promise<ResolvedPostgres> {
  const log = opts.log ?? (() => {});
  const timeoutMs = opts.probeTimeoutMs ?? 3000;
  const nothingToClose = async () => {};

  if (opts.mode === "pglite") {
    log("POSTGRES_MODE=pglite: starting embedded PGlite (one connection)");
    const pglite = await startPglite({ dataDir: opts.dataDir, port: opts.pglitePort, log });
    log(`PGlite listening on ${pglite.host}:${pglite.port}`);
    return { kind: "pglite", ...pglite };
  }

  if (opts.databaseUrl) {
    try {
      await probePostgres(opts.databaseUrl, timeoutMs);
    } catch (err) {
      throw new Error(
        `DATABASE_URL (${redactUrl(opts.databaseUrl)}) does not answer: ${describe(err)}. ` +
          "Fix or unset DATABASE_URL (unset: local Postgres on 5432, else embedded PGlite).",
      );
    }
    log(`using DATABASE_URL ${redactUrl(opts.databaseUrl)}`);
    return { kind: "url", url: opts.databaseUrl, ...addressOf(opts.databaseUrl), close: nothingToClose };
  }

  const localUrl = opts.localUrl ?? DEFAULT_LOCAL_URL;
  const local = await probePostgres(localUrl, timeoutMs).then(
    () => null,
    (err: unknown) => describe(err),
  );
  if (local === null) {
    const outcome = await ensureDatabase(localUrl, opts.dbName);
    const url = withDatabase(localUrl, opts.dbName);
    log(`using local Postgres ${redactUrl(url)} (database ${outcome})`);
    return { kind: "local", url, ...addressOf(url), close: nothingToClose };
  }

  log(`no Postgres at ${redactUrl(localUrl)} (${local}); starting embedded PGlite (one connection)`);
  const pglite = await startPglite({ dataDir: opts.dataDir, port: opts.pglitePort, log });
  log(`PGlite listening on ${pglite.host}:${pglite.port}`);
  return { kind: "pglite", ...pglite };
}

function describe(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return describe(err.errors[0]);
  if (err instanceof Error) return err.message || (err as { code?: string }).code || err.name;
  return String(err);
}
