import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@upstash/qstash";
import { type QStashBroker, startQStashBroker } from "../src/qstash/index.ts";

export const TOKEN = "test-qstash-token";
export const CURRENT_KEY = "sig_test_current_0123456789";
export const NEXT_KEY = "sig_test_next_9876543210";

export interface Delivery {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface Consumer {
  url: string;
  port: number;
  deliveries: Delivery[];
  /** Resolves once `count` deliveries arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<Delivery[]>;
  close(): Promise<void>;
}

/** A destination that records every delivery and answers with `respond(n)` for the n-th (0-based). */
export async function startConsumer(
  respond: (n: number, d: Delivery) => number = () => 200,
  port = 0,
): Promise<Consumer> {
  const deliveries: Delivery[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const d: Delivery = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      const status = respond(deliveries.length, d);
      deliveries.push(d);
      res.writeHead(status).end(status < 300 ? "ok" : "nope");
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    deliveries,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (deliveries.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} deliveries, got ${deliveries.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left);
        });
      }
      return deliveries;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface BrokerHarness {
  broker: QStashBroker;
  client: Client;
  dataDir: string;
  logs: string[];
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A broker on a free port with its own temp dataDir and a fast retry backoff. */
export async function startBroker(
  opts: { backoffMs?: number; maxConcurrentDeliveries?: number } = {},
): Promise<BrokerHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), "qstash-test-"));
  const logs: string[] = [];
  const start = () =>
    startQStashBroker({
      dataDir,
      token: TOKEN,
      currentSigningKey: CURRENT_KEY,
      nextSigningKey: NEXT_KEY,
      retryBackoff: () => opts.backoffMs ?? 20,
      ...(opts.maxConcurrentDeliveries === undefined
        ? {}
        : { maxConcurrentDeliveries: opts.maxConcurrentDeliveries }),
      log: (line) => logs.push(line),
    });
  const harness: BrokerHarness = {
    broker: await start(),
    client: undefined as unknown as Client,
    dataDir,
    logs,
    async restart() {
      await harness.broker.close();
      harness.broker = await start();
      harness.client = clientFor(harness.broker.url);
    },
    async close() {
      await harness.broker.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  harness.client = clientFor(harness.broker.url);
  return harness;
}

function clientFor(baseUrl: string): Client {
  return new Client({ baseUrl, token: TOKEN, enableTelemetry: false, retry: false });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
