import pg from "pg";
import { benchQueries } from "./src/bench/queries.ts";
import { searchStatement } from "./src/postgres/adapter.ts";
const c = new pg.Client(process.argv[2]); await c.connect();
for (const { name, query } of benchQueries.slice(0, 4)) {
  const s = searchStatement(query);
  const times: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { rows } = await c.query(`EXPLAIN (ANALYZE, SUMMARY, TIMING OFF, COSTS OFF) ${s.text}`, s.values);
    const t = rows.map((r) => r["QUERY PLAN"]).filter((l: string) => /Planning Time|Execution Time/.test(l));
    times.push(t.join(" "));
  }
  console.log(name, times);
}
await c.end();
