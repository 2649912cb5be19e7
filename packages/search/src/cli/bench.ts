/**
 * bun run bench:search [--reuse] [--rounds N] [--listings N] [--database NAME] [--no-plans]
 *                      [--via workerd|wrangler-dev] [--concurrent [--connections 16] [--seconds 20]]
 *
 * Seeds its own database (50,000 listings by default, grown server-side beyond 50,000; --reuse
 * keeps an existing one and resumes one that stopped growing short), then runs
 * a fixed set of representative searches through the API Worker in workerd (by default the bundle
 * `wrangler deploy` builds, served by Miniflare; `--via wrangler-dev` puts wrangler dev's proxy in
 * front, as `bun run dev` does) and the same SQL
 * straight over TCP, and prints p50/p95/p99 of each, API/SQL ratios, EXPLAIN (ANALYZE) plans and
 * a last line to compare runs. `--concurrent` then drives the same searches through the Worker
 * with autocannon (`--connections` clients for `--seconds`) and adds searches per second and the
 * latency under load (per query and overall) to the report and the last line.
 */
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createRedis } from "@hometrip/kv";
import pg from "pg";
import { type BenchRuntime, startBenchApi } from "../bench/api.ts";
import { type ConcurrentResult, concurrentReport, runConcurrentSearches } from "../bench/concurrent.ts";
import { prepareBenchDatabase } from "../bench/database.ts";
import { explain } from "../bench/explain.ts";
import { benchQueries } from "../bench/queries.ts";
import { ms, summarize } from "../bench/stats.ts";
import { bumpSearchVersion } from "../cache.ts";
import { searchStatement } from "../postgres/adapter.ts";
import { progressBar } from "./progress.ts";

const { values: args } = parseArgs({
  options: {
    reuse: { type: "boolean", default: false },
    rounds: { type: "string", default: "25" },
    listings: { type: "string", default: "50000" },
    database: { type: "string", default: "hometrip_bench_search" },
    plans: { type: "boolean", default: true },
    via: { type: "string", default: "workerd" },
    concurrent: { type: "boolean", default: false },
    connections: { type: "string", default: "16" },
    seconds: { type: "string", default: "20" },
  },
  // --no-plans skips the EXPLAIN output.
  allowNegative: true,
});
if (args.via !== "workerd" && args.via !== "wrangler-dev") {
  console.error(`--via must be workerd or wrangler-dev, not ${args.via}`);
  process.exit(2);
}
const runtime: BenchRuntime = args.via;
const positive = (name: string, value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a positive integer, not ${value}`);
    process.exit(2);
  }
  return n;
};
const rounds = positive("rounds", args.rounds);
const connections = positive("connections", args.connections);
const seconds = positive("seconds", args.seconds);
const root = fileURLToPath(new URL("../../../../", import.meta.url));
const adminUrl = process.env.TEST_PG_ADMIN_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const log = (line: string) => console.log(line);

const { databaseUrl, listings } = await prepareBenchDatabase({
  adminUrl,
  name: args.database,
  listings: positive("listings", args.listings),
  reuse: args.reuse,
  log,
});
const sqlPool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
const api = await startBenchApi({ root, databaseUrl, redisUrl, runtime, log });
const redis = createRedis(api.redis);

const timings = benchQueries.map(() => ({
  sql: [] as number[],
  apiCold: [] as number[],
  apiWarm: [] as number[],
  hits: 0,
}));
let ip = 0;
const callApi = async (input: unknown) => {
  const started = performance.now();
  const response = await fetch(
    `${api.url}/trpc/search.listings?input=${encodeURIComponent(JSON.stringify(input))}`,
    {
      // A distinct client address per request: the per-IP API limit would otherwise refuse a benchmark.
      headers: { "x-forwarded-for": `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip++ & 255}` },
    },
  );
  const body = (await response.json()) as { result?: { data: { hits: unknown[] } } };
  const elapsed = performance.now() - started;
  if (!response.ok || !body.result)
    throw new Error(`API answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { elapsed, cache: response.headers.get("x-search-cache"), hits: body.result.data.hits.length };
};

try {
  // Warm-up: JIT in workerd, Postgres buffers, connection paths.
  for (const { query } of benchQueries) {
    const statement = searchStatement(query);
    await sqlPool.query(statement.text, statement.values);
    await callApi(query);
  }
  const bar = progressBar("queries");
  for (let round = 0; round < rounds; round++) {
    for (const [i, { query }] of benchQueries.entries()) {
      const t = timings[i]!;
      const statement = searchStatement(query);
      const started = performance.now();
      await sqlPool.query(statement.text, statement.values);
      t.sql.push(performance.now() - started);
      // Cold: a version bump makes the API miss its cache and run the search.
      await bumpSearchVersion(redis);
      const cold = await callApi(query);
      if (cold.cache !== "miss") throw new Error(`expected a cache miss, got ${cold.cache}`);
      t.apiCold.push(cold.elapsed);
      t.hits = cold.hits;
      const warm = await callApi(query);
      t.apiWarm.push(warm.elapsed);
    }
    bar.update(round + 1, rounds);
  }
  bar.done();

  if (args.plans) {
    const client = await sqlPool.connect();
    try {
      for (const { name, query } of benchQueries) {
        const { plan, indexes } = await explain(client, searchStatement(query));
        console.log(`\n── EXPLAIN (ANALYZE) ${name} — indexes: ${indexes.join(", ")}\n${plan}`);
      }
    } finally {
      client.release();
    }
  }

  let concurrent: ConcurrentResult | undefined;
  if (args.concurrent) {
    log(`\nconcurrent: ${connections} connections for ${seconds} s…`);
    concurrent = await runConcurrentSearches({ url: api.url, queries: benchQueries, connections, seconds });
  }

  const pad = (s: string, n: number) => s.padEnd(n);
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  console.log(`\nmachine: ${cpus().length} cores, load average ${load} (1/5/15 min) at the end of the run`);
  console.log(
    `\n${listings} listings, ${rounds} rounds; milliseconds (API = HTTP into the ${api.describe}, cache missed; warm = cache hit)`,
  );
  console.log(
    `${pad("query", 26)}${pad("hits", 6)}${pad("sql p50/p95/p99", 22)}${pad("api p50/p95/p99", 22)}${pad("warm p50/p95", 16)}api/sql p95`,
  );
  for (const [i, { name }] of benchQueries.entries()) {
    const t = timings[i]!;
    const [s, a, w] = [summarize(t.sql), summarize(t.apiCold), summarize(t.apiWarm)];
    console.log(
      `${pad(name, 26)}${pad(String(t.hits), 6)}${pad(`${ms(s.p50)}/${ms(s.p95)}/${ms(s.p99)}`, 22)}${pad(`${ms(a.p50)}/${ms(a.p95)}/${ms(a.p99)}`, 22)}${pad(`${ms(w.p50)}/${ms(w.p95)}`, 16)}${(a.p95 / s.p95).toFixed(2)}`,
    );
  }
  const all = (key: "sql" | "apiCold" | "apiWarm") => summarize(timings.flatMap((t) => t[key]));
  const [sql, apiCold, apiWarm] = [all("sql"), all("apiCold"), all("apiWarm")];
  console.log(
    `${pad("all", 32)}${pad(`${ms(sql.p50)}/${ms(sql.p95)}/${ms(sql.p99)}`, 22)}${pad(`${ms(apiCold.p50)}/${ms(apiCold.p95)}/${ms(apiCold.p99)}`, 22)}${pad(`${ms(apiWarm.p50)}/${ms(apiWarm.p95)}`, 16)}${(apiCold.p95 / sql.p95).toFixed(2)}`,
  );
  let loaded = "";
  if (concurrent) {
    const report = concurrentReport(concurrent, benchQueries, api.describe);
    for (const line of report.lines) console.log(line);
    loaded = ` qps=${concurrent.qps.toFixed(1)} p95_loaded_ms=${ms(report.all.p95)} connections=${connections}`;
  }
  console.log(
    `bench:search listings=${listings} p95_api_ms=${ms(apiCold.p95)} p95_sql_ms=${ms(sql.p95)} ratio=${(apiCold.p95 / sql.p95).toFixed(2)}${loaded}`,
  );
} finally {
  await api.close();
  await sqlPool.end();
}
