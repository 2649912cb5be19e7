/**
 * The workers app as `bench:events` runs it: in a process of its own, as it is deployed (one
 * container beside the API), with the bench's effect handler for `system.pinged`. Started by
 * `workers/bench/events.ts`; settings come from the environment it passes:
 *   BENCH_DATABASE_URL, BENCH_WS_PROXY, BENCH_POOL, BENCH_SIGNING_CURRENT, BENCH_SIGNING_NEXT
 * Prints `{"port":N}` once listening; on SIGTERM stops taking requests, waits for those in flight,
 * ends its pool and prints `{"handlerErrors":N,"errors":[first three lines]}`.
 */
import { createDb } from "@hometrip/db";
import { benchWorkerApp } from "./events-app.ts";

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`events-worker: ${name} is not set (it is started by bench:events)`);
  return value;
}

const { db, pool } = createDb({
  databaseUrl: setting("BENCH_DATABASE_URL"),
  wsProxy: setting("BENCH_WS_PROXY"),
  max: Number(setting("BENCH_POOL")),
});
const { app, failures } = benchWorkerApp({
  db,
  signingKeys: { current: setting("BENCH_SIGNING_CURRENT"), next: setting("BENCH_SIGNING_NEXT") },
});
const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: app.fetch });
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);

process.once("SIGTERM", async () => {
  await server.stop();
  await pool.end();
  process.stdout.write(`${JSON.stringify(failures)}\n`);
  process.exit(0);
});
