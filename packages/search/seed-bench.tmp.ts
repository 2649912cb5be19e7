import { prepareBenchDatabase } from "./src/bench/database.ts";

await prepareBenchDatabase({
  adminUrl: "postgres://postgres@127.0.0.1:5432/postgres",
  name: "hometrip_bench_search",
  listings: 50000,
  reuse: true,
  log: console.log,
});
console.log("SEED DONE");
