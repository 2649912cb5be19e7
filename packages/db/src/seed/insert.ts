import { getTableColumns, getTableName } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type pg from "pg";

const ROWS_PER_STATEMENT = 5_000;

/**
 * Bulk INSERT through `unnest`: one text[] parameter per column, cast back to each column's
 * type on the server. Measured several times faster than multi-row VALUES (which needs one
 * bind parameter per cell and a huge statement to parse). Columns are taken from the rows'
 * keys, so a key absent from every row keeps its database default; within a batch every row
 * must carry the same keys (generators always set optional columns, to null if need be).
 */
export async function insertBatched<T extends PgTable>(
  client: pg.Client,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<void> {
  if (rows.length === 0) return;
  const byKey = getTableColumns(table) as Record<string, PgColumn>;
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row as object)))];
  const columns = keys.map((key) => {
    const column = byKey[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return { key, column };
  });
  const targets = columns.map(({ column }) => `"${column.name}"`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`);
  const casts = columns.map(({ column }, i) => `c${i}::${column.getSQLType()}`).join(", ");
  const params = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const text = `insert into "${getTableName(table)}" (${targets}) select ${casts} from unnest(${params}) as u(${aliases.join(", ")})`;

  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT) as Record<string, unknown>[];
    const values = columns.map(({ key, column }) => batch.map((row) => toText(column, row[key])));
    await client.query(text, values);
  }
}

function toText(column: PgColumn, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const driverValue = column.mapToDriverValue(value);
  if (Array.isArray(driverValue)) return arrayLiteral(driverValue);
  if (driverValue instanceof Date) return driverValue.toISOString();
  return String(driverValue);
}

function arrayLiteral(items: unknown[]): string {
  const quoted = items.map((item) =>
    item === null || item === undefined
      ? "NULL"
      : `"${String(item).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`,
  );
  return `{${quoted.join(",")}}`;
}
