/**
 * `bun run bench:events [-- --events 10000 --relays 4]`: N events through the whole event path
 * as production runs it — recorded in the outbox by transactions, published by outbox relays
 * (QStash client with the outbox id as deduplication id), delivered and signed by the local QStash
 * broker, verified and applied once by the workers app (processed_events) — with a handler whose
 * effect row has no unique key, so a second application would show. Prints events/s from the
 * first write to the last effect, and the effects lost and doubled. Last line:
 *   bench:events events=10000 per_s=… lost=0 doubled=0
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
import { Receiver } from "@upstash/qstash";
import { sql } from "drizzle-orm";
import { createWorkerApp } from "../src/app.ts";
import { createEventHandlers } from "../src/handlers/index.ts";
import { createJsonLogger } from "../src/log.ts";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "10000" },
    relays: { type: "string", default: "4" },
    producers: { type: "string", default: "1" },
    "workers-pool": { type: "string", default: "16" },
    "batch-size": { type: "string", default: "100" },
  },
});
const total = Number(args.events);
const relays = Number(args.relays);
const producers = Number(args.producers);
// Deliveries arrive all at once; more connections let Postgres commit their transactions together.
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
});
// The workers run with a pool of their own, as their own process would.
const workersDb = createDb({ databaseUrl: database.url, wsProxy: database.wsProxy, max: workersPool });
let handlerErrors = 0;
const errorLog = createJsonLogger({ service: "workers" }, (level, line) => {
  if (level === "error") {
    handlerErrors++;
    if (handlerErrors <= 3) say(line);
  }
});

try {
  await database.db.execute(sql`create table bench_effects (event_id uuid not null)`);
  const handlers = createEventHandlers();
  const app = createWorkerApp({
    db: workersDb.db,
    receiver: new Receiver({ currentSigningKey: keys.current, nextSigningKey: keys.next }),
    publisher: { publish: async () => {} },
    log: errorLog,
    handlers: {
      ...handlers,
      // The effect: one row per application, no unique key. processed_events alone keeps it single.
      "system.pinged": async ({ tx, event }) => {
        await tx.execute(sql`insert into bench_effects (event_id) values (${event.id})`);
      },
    },
  });
  const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: app.fetch });
  const workersUrl = `http://127.0.0.1:${server.port}`;
  const publisher = createQStashPublisher({ qstashUrl: broker.url, token, destinationUrl: workersUrl });
  say(
    `bench:events: ${total} events, ${producers} producers (transactions of ${batchSize}), ${relays} relays`,
  );

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
      const result = await relayOutbox(database.db, publisher, { limit: batchSize, log: silentLogger });
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
  say(`recorded and relayed ${published} in ${(relayedMs / 1000).toFixed(1)} s`);

  let last = -1;
  let lastChange = performance.now();
  let distinct = 0;
  let rows = 0;
  for (;;) {
    const [counts] = (
      await database.db.execute<{ rows: number; distinct: number }>(
        sql`select count(*)::int as rows, count(distinct event_id)::int as distinct from bench_effects`,
      )
    ).rows;
    rows = counts?.rows ?? 0;
    distinct = counts?.distinct ?? 0;
    if (distinct >= total) break;
    if (distinct !== last) {
      last = distinct;
      lastChange = performance.now();
    } else if (performance.now() - lastChange > 30_000) {
      say(`no progress for 30 s at ${distinct} effects`);
      break;
    }
    await Bun.sleep(20);
  }
  const elapsed = (performance.now() - started) / 1000;
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
  say(`end to end ${elapsed.toFixed(1)} s; handler errors (retried) ${handlerErrors}`);
  console.log(
    `bench:events events=${total} per_s=${perSecond} lost=${total - distinct} doubled=${rows - distinct}`,
  );
  server.stop(true);
} finally {
  await broker.close();
  await workersDb.pool.end();
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}
