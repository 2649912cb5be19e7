import type { IncomingHttpHeaders } from "node:http";
import pg from "pg";

/** One statement as `neon()` sends it: text with `$n` placeholders, parameters already as text. */
export interface SqlStatement {
  query: string;
  params: unknown[];
}

export type SqlRequest =
  | { kind: "single"; statement: SqlStatement }
  | { kind: "batch"; statements: SqlStatement[]; begin: string };

/** A failure answered to the client: 400 carries Postgres' fields, which the driver copies onto NeonDbError. */
export class SqlHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Error fields the driver maps onto NeonDbError, named as Neon's proxy names them. */
const errorFields = [
  "severity",
  "code",
  "detail",
  "hint",
  "position",
  "internalPosition",
  "internalQuery",
  "where",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "file",
  "line",
  "routine",
] as const;

export function errorBody(error: SqlHttpError): string {
  return JSON.stringify({ message: error.message, ...error.fields });
}

/** A Postgres error (it carries a SQLSTATE) becomes a 400 like Neon's; anything else is upstream trouble. */
export function fromQueryError(error: unknown): SqlHttpError {
  if (error instanceof pg.DatabaseError) {
    const e = error as unknown as Record<string, unknown>;
    const fields = Object.fromEntries(errorFields.flatMap((k) => (e[k] === undefined ? [] : [[k, e[k]]])));
    return new SqlHttpError(400, error.message, fields);
  }
  return new SqlHttpError(
    502,
    `database connection failed: ${error instanceof Error ? error.message : error}`,
  );
}

const isolationLevels: Record<string, string> = {
  Serializable: "SERIALIZABLE",
  RepeatableRead: "REPEATABLE READ",
  ReadCommitted: "READ COMMITTED",
  ReadUncommitted: "READ UNCOMMITTED",
};

/** Reads the body and the `Neon-*` headers; throws SqlHttpError(400) for anything malformed. */
export function parseSqlRequest(headers: IncomingHttpHeaders, body: string): SqlRequest {
  if (headers["neon-raw-text-output"] !== "true")
    throw new SqlHttpError(
      400,
      "the local stand-in answers only Neon-Raw-Text-Output: true (what neon() sends)",
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new SqlHttpError(400, "request body is not JSON");
  }
  const payload = (parsed ?? {}) as { queries?: unknown };
  if (payload.queries === undefined) return { kind: "single", statement: statementOf(parsed) };
  if (!Array.isArray(payload.queries)) throw new SqlHttpError(400, "queries must be an array");

  const level = headerValue(headers, "neon-batch-isolation-level");
  const readOnly = headerValue(headers, "neon-batch-read-only");
  const deferrable = headerValue(headers, "neon-batch-deferrable");
  const modes: string[] = [];
  if (level !== undefined) {
    const sql = isolationLevels[level];
    if (!sql) throw new SqlHttpError(400, `invalid Neon-Batch-Isolation-Level: ${level}`);
    modes.push(`ISOLATION LEVEL ${sql}`);
  }
  if (readOnly !== undefined)
    modes.push(booleanHeader("Neon-Batch-Read-Only", readOnly) ? "READ ONLY" : "READ WRITE");
  if (deferrable !== undefined)
    modes.push(booleanHeader("Neon-Batch-Deferrable", deferrable) ? "DEFERRABLE" : "NOT DEFERRABLE");
  return {
    kind: "batch",
    statements: payload.queries.map(statementOf),
    begin: ["BEGIN", modes.join(", ")].filter(Boolean).join(" "),
  };
}

function statementOf(value: unknown): SqlStatement {
  const { query, params = [] } = (value ?? {}) as { query?: unknown; params?: unknown };
  if (typeof query !== "string") throw new SqlHttpError(400, "query must be a string");
  if (!Array.isArray(params)) throw new SqlHttpError(400, "params must be an array");
  return { query, params };
}

/** A request header's (first) value; `name` in lower case, as Node keys them. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function booleanHeader(name: string, value: string): boolean {
  if (value === "true" || value === "false") return value === "true";
  throw new SqlHttpError(400, `invalid ${name}: ${value}`);
}

/**
 * A result as Neon's proxy returns it: every value as Postgres' text (the driver parses types
 * itself from `dataTypeID`), rows as arrays when Neon-Array-Mode is "true", else keyed by name.
 */
export function resultBody(result: pg.QueryResult<unknown[]>, arrayMode: boolean) {
  const fields = result.fields.map((f) => ({
    name: f.name,
    dataTypeID: f.dataTypeID,
    tableID: f.tableID,
    columnID: f.columnID,
    dataTypeSize: f.dataTypeSize,
    dataTypeModifier: f.dataTypeModifier,
    format: f.format,
  }));
  const rows = arrayMode
    ? result.rows
    : result.rows.map((row) => Object.fromEntries(fields.map((f, i) => [f.name, row[i]])));
  return { command: result.command, rowCount: result.rowCount, rows, fields, rowAsArray: arrayMode };
}
