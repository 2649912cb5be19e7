import type { AddressInfo } from "node:net";
import { Broker } from "./broker.ts";
import { defaultBackoff } from "./delivery.ts";
import { startHttpServer } from "./http.ts";
import { adminRoutes } from "./routes-admin.ts";
import { publishRoutes } from "./routes-publish.ts";
import { scheduleRoutes } from "./routes-schedules.ts";
import { ScheduleRunner } from "./schedules.ts";
import { createSigner } from "./signing.ts";
import { openStore } from "./store.ts";

export interface QStashBrokerOptions {
  /** 0 or unset picks a free port. */
  port?: number;
  /** State lives in `${dataDir}/qstash/`; a broker restarted on the same dir resumes it. */
  dataDir: string;
  /** Bearer token publishers must send (the Client's `token`). */
  token: string;
  currentSigningKey: string;
  /** Kept for parity with QStash: consumers verify with current, then next (key rotation). */
  nextSigningKey: string;
  /** ms to wait before retry number `attempt` (1-based); default min(1 day, e^(2.5 n) s) like QStash. */
  retryBackoff?: (attempt: number) => number;
  /** Deliveries on the wire at once (default 32); due messages beyond it wait, oldest due first. */
  maxConcurrentDeliveries?: number;
  log?: (line: string) => void;
}

export interface QStashBroker {
  url: string;
  port: number;
  close(): Promise<void>;
}

const DEDUP_PRUNE_INTERVAL_MS = 60_000;

/**
 * A local stand-in for QStash v2: the production `@upstash/qstash` Client publishes to it by
 * base URL, and its deliveries verify with the production Receiver.
 */
export async function startQStashBroker(opts: QStashBrokerOptions): Promise<QStashBroker> {
  const log = opts.log ?? (() => {});
  const store = await openStore(opts.dataDir);
  const broker = new Broker(store, {
    sign: createSigner(opts.currentSigningKey),
    backoff: opts.retryBackoff ?? defaultBackoff,
    log,
    ...(opts.maxConcurrentDeliveries === undefined ? {} : { maxInFlight: opts.maxConcurrentDeliveries }),
  });
  const schedules = new ScheduleRunner(broker, log);

  const server = await startHttpServer({
    port: opts.port ?? 0,
    token: opts.token,
    routes: [...publishRoutes(broker), ...adminRoutes(broker), ...scheduleRoutes(broker, schedules)],
    log,
  });
  const { port } = server.address() as AddressInfo;

  await broker.pruneDedup();
  broker.resume();
  schedules.start();
  const pruner = setInterval(() => {
    void broker.pruneDedup().catch((error: unknown) => log(`dedup prune failed: ${String(error)}`));
  }, DEDUP_PRUNE_INTERVAL_MS);
  pruner.unref();

  const pending = store.messages.size;
  log(`broker listening on http://127.0.0.1:${port} (${pending} pending message(s) resumed)`);

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close() {
      closing ??= (async () => {
        clearInterval(pruner);
        // Stop taking requests first, so nothing new is accepted while we drain.
        const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await schedules.close();
        await broker.scheduler.close();
        await serverClosed;
        await store.close();
      })();
      return closing;
    },
  };
}
