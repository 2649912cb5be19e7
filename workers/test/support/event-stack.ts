import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createQStashPublisher, type EventPublisher, type Logger } from "@hometrip/core";
import type { Database } from "@hometrip/db";
import { startQStashBroker } from "@hometrip/devstack";
import type { SearchIndex, SqlExecutor } from "@hometrip/search";
import { createTunnelledDatabase } from "@hometrip/testkit";
import { serve } from "@hono/node-server";
import { Client, Receiver } from "@upstash/qstash";
import { createWorkerApp, type WorkerDeps } from "../../src/app.ts";
import type { EventHandlers } from "../../src/handlers/index.ts";
import { signingKeys } from "./signing.ts";

export interface LogEntry {
  level: "info" | "warn" | "error";
  message: string;
  fields: Record<string, unknown>;
}

export interface EventStack {
  db: Database;
  /** Base URL of the workers app (the events destination). */
  workersUrl: string;
  brokerUrl: string;
  /** Publishes through the broker to this stack's workers, 2 delivery retries. */
  publisher: EventPublisher;
  /** Raw SDK client on the broker, for DLQ inspection and undeduplicated publishes. */
  qstash: Client;
  logs: LogEntry[];
  databaseUrl: string;
  /** The tunnel `db` goes through (NEON_WS_PROXY). */
  wsProxy: string;
  close(): Promise<void>;
}

export const brokerToken = "test-qstash-token";

/**
 * The real thing, wired like production: a fresh migrated database reached through the Neon
 * WebSocket tunnel, the local QStash broker (fast retries), and the workers app on a random port.
 */
export async function startEventStack(
  opts: {
    handlers?: EventHandlers;
    /** The index listing.changed events update, built on this stack's database. */
    search?: (sql: SqlExecutor) => SearchIndex;
    icalFetch?: WorkerDeps["icalFetch"];
    searchCache?: WorkerDeps["searchCache"];
    /** Sees each request the workers app receives (a delivery's headers), before the app does. */
    onRequest?: (request: Request) => void;
    spans?: WorkerDeps["spans"];
  } = {},
): Promise<EventStack> {
  const database = await createTunnelledDatabase({ prefix: "workers_events", max: 8 });
  const { db } = database;
  const dataDir = await mkdtemp(join(tmpdir(), "hometrip-qstash-"));
  const broker = await startQStashBroker({
    port: 0,
    dataDir,
    token: brokerToken,
    currentSigningKey: signingKeys.current,
    nextSigningKey: signingKeys.next,
    retryBackoff: () => 100,
  });

  const logs: LogEntry[] = [];
  const record =
    (level: LogEntry["level"]): Logger[typeof level] =>
    (message, fields = {}) =>
      logs.push({ level, message, fields });
  const log: Logger = { info: record("info"), warn: record("warn"), error: record("error") };

  let fetchApp: (request: Request) => Response | Promise<Response> = () =>
    new Response(null, { status: 503 });
  const server = serve({
    fetch: (request) => {
      opts.onRequest?.(request);
      return fetchApp(request);
    },
    port: 0,
    hostname: "127.0.0.1",
  });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const workersUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const publisher = createQStashPublisher({
    qstashUrl: broker.url,
    token: brokerToken,
    destinationUrl: workersUrl,
    retries: 2,
  });
  const receiver = new Receiver({
    currentSigningKey: signingKeys.current,
    nextSigningKey: signingKeys.next,
    devMode: false,
  });
  const app = createWorkerApp({
    db,
    receiver,
    publisher,
    log,
    ...(opts.handlers && { handlers: opts.handlers }),
    ...(opts.search && { search: opts.search(database.pool) }),
    ...(opts.icalFetch && { icalFetch: opts.icalFetch }),
    ...(opts.searchCache && { searchCache: opts.searchCache }),
    ...(opts.spans && { spans: opts.spans }),
  });
  fetchApp = app.fetch;

  const qstash = new Client({
    baseUrl: broker.url,
    token: brokerToken,
    devMode: false,
    enableTelemetry: false,
  });

  return {
    db,
    workersUrl,
    brokerUrl: broker.url,
    publisher,
    qstash,
    logs,
    databaseUrl: database.url,
    wsProxy: database.wsProxy,
    async close() {
      await broker.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
