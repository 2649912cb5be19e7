import pg from "pg";
import { benchQueries } from "./src/bench/queries.ts";
import { searchStatement } from "./src/postgres/adapter.ts";

const c = new pg.Client(process.argv[2]);
await c.connect();
const q = benchQueries[2]!.query;
const s = searchStatement(q);
const variants: Record<string, string> = {
  full: s.text,
  tsOnly: s.text.replace(/ OR l\.city %> \$1::text OR l\.title %> \$1::text/, ""),
  noText: s.text.replace(/AND \(\(setweight[^\n]*\n/, "\n"),
};
for (const [name, text] of Object.entries(variants)) {
  for (let i = 0; i < 3; i++) {
    const { rows } = await c.query(`EXPLAIN (ANALYZE, COSTS OFF) ${text}`, s.values);
    const t = rows
      .map((r) => r["QUERY PLAN"])
      .filter((l: string) => /Planning Time|Execution Time/.test(l))
      .join(" ");
    if (i === 2) console.log(name, t);
  }
}
console.log(s.text.split("\n").slice(0, 8).join("\n"));
await c.end();
