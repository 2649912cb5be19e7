import type pg from "pg";
import type { SearchSql } from "../postgres/build-sql.ts";

/** EXPLAIN (ANALYZE) of one statement, and the names of the indexes the plan touched. */
export async function explain(
  client: pg.ClientBase,
  statement: SearchSql,
): Promise<{ plan: string; indexes: string[] }> {
  const { rows } = await client.query<{ "QUERY PLAN": string }>(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement.text}`,
    statement.values,
  );
  const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
  const indexes = [
    ...new Set(
      [...plan.matchAll(/(?:Index|Index Only|Bitmap Index) Scan (?:Backward )?(?:using|on) (\S+)/g)].map(
        (m) => m[1]!,
      ),
    ),
  ];
  return { plan, indexes };
}
