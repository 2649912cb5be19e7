import pg from "pg";
import { explain } from "./src/bench/explain.ts";
import { benchQueries } from "./src/bench/queries.ts";
import { searchStatement } from "./src/postgres/adapter.ts";

const c = new pg.Client(process.argv[2]);
await c.connect();
for (const { name, query } of benchQueries) {
  const s = searchStatement(query);
  let out = "";
  for (let i = 0; i < 3; i++) {
    const { plan, indexes } = await explain(c, s);
    const t = plan
      .split("\n")
      .filter((l) => /Planning Time|Execution Time/.test(l))
      .join(" ");
    out = `${name}: ${t} | ${indexes.join(",")}`;
    if (i === 2 && process.argv[3] === name) console.log(plan);
  }
  console.log(out);
}
await c.end();
