import { connect, createServer, type Socket } from "node:net";

export interface ConnectionGate {
  port: number;
  close(): Promise<void>;
}

/**
 * A TCP front door that lets one client at a time through to a single-connection server and
 * makes the others wait in line, instead of being turned away.
 *
 * Why: pglite-socket rejects a second connection outright ("Too many connections", not even a
 * Postgres error). A pool that drops a connection after a failed query and immediately opens
 * a new one races the old socket's cleanup and loses; so do two dev processes sharing PGlite
 * (migrator, API, workers). Queued here, they simply take turns.
 */
export async function startConnectionGate(opts: {
  host: string;
  port: number;
  upstreamPort: number;
  /** True while the upstream still counts the previous client as connected. */
  upstreamBusy: () => boolean;
  /** How long a client may wait for its turn before getting SQLSTATE 53300. */
  waitTimeoutMs: number;
  log: (line: string) => void;
}): Promise<ConnectionGate> {
  const waiting: Socket[] = [];
  const all = new Set<Socket>();
  let current: Socket | null = null;

  const admitNext = () => {
    if (current || waiting.length === 0) return;
    // The upstream frees its slot a few ticks after our socket to it closes; wait for that.
    if (opts.upstreamBusy()) return void setTimeout(admitNext, 5);
    const client = waiting.shift()!;
    current = client;
    const upstream = connect({ host: opts.host, port: opts.upstreamPort });
    all.add(upstream);
    upstream.once("close", () => all.delete(upstream));
    client.pipe(upstream);
    upstream.pipe(client);
    const finish = () => {
      client.destroy();
      upstream.destroy();
      if (current !== client) return;
      current = null;
      admitNext();
    };
    for (const socket of [client, upstream]) {
      socket.once("close", finish);
      socket.on("error", finish);
    }
  };

  const server = createServer((client) => {
    all.add(client);
    client.once("close", () => {
      all.delete(client);
      const index = waiting.indexOf(client);
      if (index >= 0) waiting.splice(index, 1);
    });
    client.on("error", () => client.destroy());
    const timer = setTimeout(() => {
      if (!waiting.includes(client)) return;
      opts.log(`a client waited ${opts.waitTimeoutMs} ms for the single PGlite connection; refused`);
      client.end(tooManyConnections("PGlite serves one connection at a time and it stayed busy"));
    }, opts.waitTimeoutMs);
    timer.unref();
    client.once("close", () => clearTimeout(timer));
    waiting.push(client);
    admitNext();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("connection gate: no TCP address");

  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of all) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A Postgres ErrorResponse, so a client that waited too long gets a readable error. */
function tooManyConnections(message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C53300\0M${message}\0\0`);
  const head = Buffer.alloc(5);
  head.write("E", 0);
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}
