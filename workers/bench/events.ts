/**
 * `bun run bench:events [-- --events 10000 --relays 4]`: N events through the whole event path
 * as production runs it — recorded in the outbox by transactions, published by outbox relays
 * (QStash client with the outbox id as deduplication id), delivered and signed by the local QStash
 * broker, verified and applied once by the workers app (processed_events) — with a handler whose
 * effect row has no unique key, so a second application would show. Prints events/s from the
 * first write to the last effect, and the effects lost and doubled. Last line:
 *   bench:events events=10000 per_s=… lost=0 doubled=0
 *
 * The workers app runs in a process of its own (`events-worker.ts`), as deployed; the stand-ins
 * (Neon tunnel, QStash broker), the producers and the relays share this one. `--in-process` puts
 * the workers app in this process too.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { eventCatalog, newTraceparent } from "@hometrip/contracts";
import { createQStashPublisher, relayOutbox, silentLogger } from "@hometrip/core";
import { createDb, outbox } from "@hometrip/db";
import { startQStashBroker } from "@hometrip/devstack";
import { createTunnelledDatabase } from "@hometrip/testkit";
import { postgresCpuMs, processCpuMs } from "@hometrip/testkit/process-cpu";
import { sql } from "drizzle-orm";
import { benchEffectsTable, benchWorkerApp, type HandlerFailures } from "./events-app.ts";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "10000" },
    relays: { type: "string", default: "4" },
    producers: { type: "string", default: "1" },
    // 24 connections and 48 deliveries open measured about 13 % faster here than 16 and 32.
    "workers-pool": { type: "string", default: "24" },
    "batch-size": { type: "string", default: "100" },
    "in-process": { type: "boolean", default: false },
    // The broker's cap on deliveries open at once (the broker's own default is 32).
    "deliveries-in-flight": { type: "string", default: "48" },
  },
});
const total = Number(args.events);
const relays = Number(args.relays);
const producers = Number(args.producers);
// Half the deliveries the broker keeps open: the other half wait in the workers for a free connection.
const workersPool = Number(args["workers-pool"]);
const batchSize = Number(args["batch-size"]);
const token = "bench-qstash-token";
const keys = { current: "sig_bench_current_0000000000000", next: "sig_bench_next_000000000000000" };
const say = (line: string) => process.stderr.write(`${line}\n`);

const database = await createTunnelledDatabase({ prefix: "bench_events", max: relays + producers + 1 });
const dataDir = await mkdtemp(join(tmpdir(), "hometrip-bench-events-"));
const broker = await startQStashBroker({
  port: 0,
  dataDir,
  token,
  currentSigningKey: keys.current,
  nextSigningKey: keys.next,
  retryBackoff: () => 200,
  maxConcurrentDeliveries: Number(args["deliveries-in-flight"]),
});
interface RunningWorkers {
  url: string;
  /** The workers' process id; this process's own when they run in it. */
  pid: number;
  /** Stops taking deliveries; resolves with the handler failures the workers logged. */
  stop(): Promise<HandlerFailures>;
}

/** The workers app in this process, with a pool of its own as its own process would have. */
function workersInProcess(): RunningWorkers {
  const { db, pool } = createDb({ databaseUrl: database.url, wsProxy: database.wsProxy, max: workersPool });
  const { app, failures } = benchWorkerApp({ db, signingKeys: keys });
  const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: app.fetch });
  return {
    url: `http://127.0.0.1:${server.port}`,
    pid: process.pid,
    async stop() {
      await server.stop();
      await pool.end();
      return failures;
    },
  };
}

/** The workers app as its own process (events-worker.ts), talking JSON lines on stdout. */
async function workersProcess(): Promise<RunningWorkers> {
  const child = Bun.spawn(["bun", join(import.meta.dir, "events-worker.ts")], {
    env: {
      ...process.env,
      BENCH_DATABASE_URL: database.url,
      BENCH_WS_PROXY: database.wsProxy,
      BENCH_POOL: String(workersPool),
      BENCH_SIGNING_CURRENT: keys.current,
      BENCH_SIGNING_NEXT: keys.next,
    },
    stdout: "pipe",
    stderr: "inherit",
  });
  const lines = jsonLines(child.stdout);
  const first = await lines.next();
  if (first.done || typeof first.value.port !== "number") {
    child.kill();
    throw new Error(`the workers process did not start (exit ${await child.exited})`);
  }
  return {
    url: `http://127.0.0.1:${first.value.port}`,
    pid: child.pid,
    async stop() {
      child.kill("SIGTERM");
      const summary = await lines.next();
      await child.exited;
      if (summary.done) throw new Error("the workers process exited without its summary");
      return summary.value as unknown as HandlerFailures;
    },
  };
}

async function* jsonLines(stream: ReadableStream<Uint8Array>): AsyncGenerator<Record<string, unknown>> {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of stream) {
    buffered += decoder.decode(chunk, { stream: true });
    for (let end = buffered.indexOf("\n"); end >= 0; end = buffered.indexOf("\n")) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      if (line.trim()) yield JSON.parse(line) as Record<string, unknown>;
    }
  }
}

interface CpuReading {
  self: number;
  workers: number | undefined;
  postgres: number | undefined;
}

function cpuReading(workersPid: number): CpuReading {
  const own = process.cpuUsage();
  return {
    self: (own.user + own.system) / 1000,
    workers: processCpuMs(workersPid),
    postgres: postgresCpuMs(),
  };
}

/** Where an event's CPU went, in µs per event: the line is left out where /proc cannot tell. */
function cpuPerEvent(before: CpuReading, after: CpuReading, inProcess: boolean): string | undefined {
  if (before.workers === undefined || after.workers === undefined) return undefined;
  if (before.postgres === undefined || after.postgres === undefined) return undefined;
  const us = (ms: number) => Math.round((ms * 1000) / total);
  const self = us(after.self - before.self);
  const postgres = us(after.postgres - before.postgres);
  if (inProcess)
    return `CPU per event: ${self} µs in this process (all but Postgres), ${postgres} µs in Postgres`;
  const workersUs = us(after.workers - before.workers);
  return (
    `CPU per event: workers ${workersUs} µs, this process (broker, tunnel, relays) ${self} µs, ` +
    `Postgres ${postgres} µs; ${workersUs + self + postgres} µs in all`
  );
}

let workers: RunningWorkers | undefined;
try {
  await database.db.execute(benchEffectsTable);
  workers = args["in-process"] ? workersInProcess() : await workersProcess();
  const workersUrl = workers.url;
  const publisher = createQStashPublisher({ qstashUrl: broker.url, token, destinationUrl: workersUrl });
  // How long a relay's round (claim, batch publish, mark) takes: when the broker or the machine is
  // saturated it shows here first.
  const rounds = { count: 0, ms: 0 };
  say(
    `bench:events: ${total} events, ${producers} producers (transactions of ${batchSize}), ${relays} relays, ` +
      `workers ${args["in-process"] ? "in this process" : "in their own process"} (pool ${workersPool})`,
  );

  const cpuBefore = cpuReading(workers.pid);
  const started = performance.now();
  let recorded = 0;
  // Producers write outbox rows as recordEvent does, a transaction of `batchSize` at a time in one
  // multi-row INSERT: the bench measures the path from the outbox on, not the API's requests.
  const payload = eventCatalog["system.pinged"].payload.parse({ note: "bench", requestedBy: "bench:events" });
  const version = eventCatalog["system.pinged"].version;
  const produce = async () => {
    while (recorded < total) {
      const n = Math.min(batchSize, total - recorded);
      recorded += n;
      await database.db.insert(outbox).values(
        Array.from({ length: n }, () => ({
          eventType: "system.pinged",
          eventVersion: version,
          payload,
          traceparent: newTraceparent(),
        })),
      );
    }
  };
  let published = 0;
  let producing = true;
  const relay = async () => {
    for (;;) {
      const roundStarted = performance.now();
      const result = await relayOutbox(database.db, publisher, { limit: batchSize, log: silentLogger });
      if (result.published > 0) {
        rounds.count++;
        rounds.ms += performance.now() - roundStarted;
      }
      published += result.published;
      if (result.published === 0 && !producing) return;
      if (result.published === 0) await Bun.sleep(5);
    }
  };
  const relaying = Promise.all(Array.from({ length: relays }, relay));
  await Promise.all(Array.from({ length: producers }, produce));
  say(`recorded ${recorded} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  producing = false;
  await relaying;
  const relayedMs = performance.now() - started;
  say(
    `recorded and relayed ${published} in ${(relayedMs / 1000).toFixed(1)} s ` +
      `(${rounds.count} relay rounds, ${(rounds.ms / Math.max(1, rounds.count)).toFixed(0)} ms each on average)`,
  );

  // Progress is polled with a plain count: counting distinct ids sorts the whole table, and at
  // every 20 ms that took a tenth of a core from the path being measured. The distinct count runs
  // once the rows are all there (more rows than events means doubles, still waiting on the rest).
  const counts = async (query: ReturnType<typeof sql>) =>
    (await database.db.execute<{ rows: number; distinct?: number }>(query)).rows[0];
  let last = -1;
  let lastChange = performance.now();
  let distinct = 0;
  let rows = 0;
  for (;;) {
    rows = (await counts(sql`select count(*)::int as rows from bench_effects`))?.rows ?? 0;
    if (rows >= total) {
      distinct =
        (await counts(sql`select count(distinct event_id)::int as distinct from bench_effects`))?.distinct ??
        0;
      if (distinct >= total) break;
    }
    if (rows !== last) {
      last = rows;
      lastChange = performance.now();
    } else if (performance.now() - lastChange > 30_000) {
      say(`no progress for 30 s at ${rows} effects`);
      break;
    }
    await Bun.sleep(20);
  }
  const elapsed = (performance.now() - started) / 1000;
  const cpuLine = cpuPerEvent(cpuBefore, cpuReading(workers.pid), workers.pid === process.pid);
  // Duplicates arriving after the count settled would still be doubles: give stragglers a moment.
  await Bun.sleep(500);
  const [final] = (
    await database.db.execute<{ rows: number; distinct: number }>(
      sql`select count(*)::int as rows, count(distinct event_id)::int as distinct from bench_effects`,
    )
  ).rows;
  rows = final?.rows ?? rows;
  distinct = final?.distinct ?? distinct;
  const perSecond = Math.round(total / elapsed);
  const { handlerErrors, errors } = await workers.stop();
  workers = undefined;
  for (const line of errors) say(line);
  say(`end to end ${elapsed.toFixed(1)} s; handler errors (retried) ${handlerErrors}`);
  if (cpuLine) say(cpuLine);
  console.log(
    `bench:events events=${total} per_s=${perSecond} lost=${total - distinct} doubled=${rows - distinct}`,
  );
} finally {
  await workers?.stop().catch(() => {});
  await broker.close();
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}
