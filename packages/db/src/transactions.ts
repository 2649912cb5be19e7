import { Pool, type PoolClient } from "@neondatabase/serverless";
import { type SQL, sql } from "drizzle-orm";
import { NeonSession, NeonTransaction } from "drizzle-orm/neon-serverless";
import { PgDialect, type PgTransactionConfig } from "drizzle-orm/pg-core";

const openingKey = Symbol("hometrip.transactionOpening");
const openedKey = Symbol("hometrip.transactionOpened");

type OpeningConfig = PgTransactionConfig & { [openingKey]?: SQL };
type OpenedTx = { [openedKey]?: Record<string, unknown>[] };
type SessionArgs = ConstructorParameters<typeof NeonSession<Record<string, unknown>, never>>;

/**
 * drizzle's Neon session with cheaper transactions. Through Neon's proxy every statement is a
 * round trip, and drizzle's own `transaction` spends one on `begin` alone and builds its
 * `begin`/`commit` as drizzle queries. Here `begin`, `commit` and `rollback` go to the driver as
 * plain strings, and a transaction opened by `transactionOpenedWith` sends `begin` and its first
 * statement in one simple-protocol message: one round trip instead of two.
 *
 * A connection that breaks during the transaction (its error event, or a rollback that fails) is
 * handed back to the pool with the error, so the pool drops it instead of lending it again.
 */
export class NeonRoundTripSession extends NeonSession<Record<string, unknown>, never> {
  // NeonSession keeps these private; the transaction below needs them for its own session.
  readonly #client: SessionArgs[0];
  readonly #schema: SessionArgs[2];
  readonly #options: SessionArgs[3];

  constructor(...[client, dialect, schema, options = {}]: SessionArgs) {
    super(client, dialect, schema, options);
    this.#client = client;
    this.#schema = schema;
    this.#options = options;
  }

  override async transaction<T>(
    run: (tx: NeonTransaction<Record<string, unknown>, never>) => Promise<T>,
    config?: OpeningConfig,
  ): Promise<T> {
    const opening = config?.[openingKey];
    // Written out before a connection is taken: a statement that cannot be written sends nothing.
    const begin = `begin${beginModes(config)}`;
    const first = opening ? `${begin}; ${inlined(opening)}` : begin;
    const pool = this.#client instanceof Pool ? this.#client : undefined;
    const client = pool ? await pool.connect() : (this.#client as PoolClient);
    const session = pool ? new NeonRoundTripSession(client, this.dialect, this.#schema, this.#options) : this;
    const tx = new LazyQueryTransaction(this.dialect, session, this.#schema);
    let broken: Error | undefined;
    // A connection lost while checked out is reported as an "error" event as well as through the
    // query it fails; pg-pool listens only to idle clients, so unheard it would crash the process.
    const lost = (error: Error) => {
      broken ??= error;
    };
    client.on("error", lost);
    try {
      if (opening) {
        // Two statements in one Query message: the driver answers with one result per statement.
        const results = (await client.query(first)) as unknown as { rows: Record<string, unknown>[] }[];
        (tx as OpenedTx)[openedKey] = results[1]?.rows ?? [];
      } else {
        await client.query(first);
      }
      const result = await run(tx);
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.off("error", lost);
      if (pool) (client as PoolClient).release(broken);
    }
  }
}

type TransactionArgs = ConstructorParameters<typeof NeonTransaction<Record<string, unknown>, never>>;

/**
 * A transaction whose relational query builders (`tx.query.<table>`) are made when first used.
 * drizzle makes one per table in every transaction's constructor, a few percent of the CPU of a
 * short transaction; none of ours reads them today, and one that does gets the same builders.
 */
class LazyQueryTransaction extends NeonTransaction<Record<string, unknown>, never> {
  constructor(...[dialect, session, schema, nestedIndex = 0]: TransactionArgs) {
    super(dialect, session, undefined, nestedIndex);
    this.schema = schema;
    if (schema) Object.assign(this._, schema);
    Object.defineProperty(this, "query", {
      configurable: true,
      get: () => {
        const { query } = new NeonTransaction<Record<string, unknown>, never>(
          dialect,
          session,
          schema,
          nestedIndex,
        );
        Object.defineProperty(this, "query", { value: query, configurable: true });
        return query;
      },
    });
  }
}

type Transactional<Tx> = {
  transaction<T>(run: (tx: Tx) => Promise<T>, config?: PgTransactionConfig): Promise<T>;
  execute(query: SQL): Promise<{ rows: unknown[] }>;
};

/**
 * Runs `run` in a transaction whose first statement is `opening`, sent with `begin` in one round
 * trip; `run` gets the rows it returned. `opening`'s parameters are written into the statement as
 * literals (the simple protocol takes none), so it suits a short statement of ids and names.
 * On a database whose session is not `NeonRoundTripSession` (or inside a transaction, where it
 * becomes a savepoint) the opening runs as the transaction's first query: same result, one more
 * round trip. The transaction goes through `db.transaction`, so wrappers of it still see it.
 */
export async function transactionOpenedWith<Tx extends { execute(query: SQL): Promise<unknown> }, T>(
  db: Transactional<Tx>,
  opening: SQL,
  run: (tx: Tx, rows: Record<string, unknown>[]) => Promise<T>,
): Promise<T> {
  const config: OpeningConfig = { [openingKey]: opening };
  return db.transaction(async (tx) => {
    const opened = (tx as OpenedTx)[openedKey];
    const rows = opened ?? ((await tx.execute(opening)) as { rows: Record<string, unknown>[] }).rows;
    return run(tx, rows);
  }, config);
}

function beginModes(config: PgTransactionConfig | undefined): string {
  if (!config) return "";
  const modes: string[] = [];
  if (config.isolationLevel) modes.push(`isolation level ${config.isolationLevel}`);
  if (config.accessMode) modes.push(config.accessMode);
  if (typeof config.deferrable === "boolean") modes.push(config.deferrable ? "deferrable" : "not deferrable");
  return modes.length > 0 ? ` ${modes.join(" ")}` : "";
}

/**
 * Writes a statement's parameters into its text as Postgres literals, escaped as libpq's
 * PQescapeLiteral does: quotes doubled, and backslashes doubled under an E'' prefix so the
 * result means the same whatever `standard_conforming_strings` is.
 */
class InliningDialect extends PgDialect {
  override escapeString(value: string): string {
    if (value.includes("\0")) throw new TypeError("a Postgres literal cannot contain NUL");
    const quoted = `'${value.replace(/'/g, "''").replace(/\\/g, "\\\\")}'`;
    return value.includes("\\") ? ` E${quoted}` : quoted;
  }
}
const inlining = new InliningDialect();

function inlined(statement: SQL): string {
  // Wrapped, so the caller's own SQL object is not switched to inline parameters.
  return inlining.sqlToQuery(sql`${statement}`.inlineParams()).sql;
}
