import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { connect } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { createSqlOverHttp, type SqlOverHttp, type SqlPoolOptions } from "./sql-over-http/handler.ts";
import { parseAddress } from "./tunnel/address.ts";
import { BackendPool } from "./tunnel/backend-pool.ts";
import { CancelKeys } from "./tunnel/cancel-keys.ts";
import { pipeWebSocketToTcp } from "./tunnel/pipe.ts";
import { servePooledSession } from "./tunnel/pooled-session.ts";

export interface NeonTunnelOptions {
  /** Port to listen on; 0 or unset picks a free one. */
  port?: number;
  /** Interface to bind; defaults to 127.0.0.1 (the tunnel has no authentication). */
  host?: string;
  /** Database addresses the tunnel may dial, as "host:port"; anything else is refused. */
  allow: string[];
  /** Connections `POST /sql` keeps per connection string (PGlite: `max` 1 and a short idle time). */
  sqlPool?: SqlPoolOptions;
  /**
   * At most this many database connections at once; further clients wait for one to close, as
   * Neon's pooled endpoint queues clients beyond its pool instead of refusing them. Unset: no
   * cap (Postgres's own max_connections refuses the excess with "too many clients").
   */
  maxConnections?: number;
  /**
   * Session pooling, as Neon's pooled endpoint (PgBouncer) does it: set, the tunnel keeps warm
   * Postgres backends and lends one to each new WebSocket client with the same database, user and
   * start-up parameters, answering the client's start-up itself; when the client leaves, the
   * backend goes back only if it is idle after `DISCARD ALL`. `maxConnections` then caps lent and
   * idle backends together. Only backends the server admitted without a password are lent again
   * (trust auth, as the local stacks use); a server that asks for one gets each client its own.
   * Not for PGlite, which serves one connection: an idle pooled one would hold it.
   */
  sessionPool?: { maxIdle?: number; idleTimeoutMs?: number };
  log?: (line: string) => void;
}

export interface NeonTunnel {
  port: number;
  /** Value for NEON_WS_PROXY / createDb({ wsProxy }): "127.0.0.1:PORT/v1". */
  wsProxy: string;
  /** Value for NEON_HTTP_ENDPOINT / createHttpSql({ fetchEndpoint }): "http://127.0.0.1:PORT/sql". */
  httpEndpoint: string;
  /** Closes open tunnels and the pooled connections behind `POST /sql`. */
  close(): Promise<void>;
}

/**
 * Local stand-in for Neon's WebSocket proxy: `@neondatabase/serverless` opens
 * `ws://HOST:PORT/v1?address=db-host:db-port` and then speaks the plain Postgres wire
 * protocol inside binary WebSocket frames. Client settings that work with it:
 * `neonConfig.wsProxy = (h, p) => \`${wsProxy}?address=${h}:${p}\``, `useSecureWebSocket = false`,
 * `pipelineConnect = false`, and `webSocketConstructor = ws` on Node 20 (`createDb` also joins a
 * query's writes into one frame, see `coalescingWebSocket`; any framing works here).
 *
 * The same server answers `POST /sql`, Neon's SQL-over-HTTP endpoint (what `neon()` calls), from
 * connections it keeps open per connection string, behind the same allow-list.
 */
export async function startNeonTunnel(opts: NeonTunnelOptions): Promise<NeonTunnel> {
  const log = opts.log ?? (() => {});
  const allowed = new Set(opts.allow.map((target) => parseAddress(target)?.key ?? target));
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const open = new Set<{ close(): void }>();
  const sql = createSqlOverHttp({ allowed, ...(opts.sqlPool ? { pool: opts.sqlPool } : {}), log });
  const slots = connectionSlots(opts.maxConnections);
  let closing = false;
  const pooling = opts.sessionPool && {
    pool: new BackendPool({
      ...(opts.maxConnections === undefined ? {} : { max: opts.maxConnections }),
      maxIdle: opts.sessionPool.maxIdle ?? opts.maxConnections ?? 20,
      idleTimeoutMs: opts.sessionPool.idleTimeoutMs ?? 60_000,
    }),
    cancels: new CancelKeys(),
    closing: () => closing,
    log,
  };

  const server = createServer((req, res) =>
    answerHttp(req, res, { connections: open.size, ...(pooling && { pool: pooling.pool.stats }) }, sql),
  );

  server.on("upgrade", (req: IncomingMessage, client: Duplex, head: Buffer) => {
    // Node drops its own error listener from upgraded sockets; a reset must not crash dev.
    client.on("error", () => client.destroy());
    const target = parseTarget(req.url);
    if (!target) return refuse(client, 400, "expected /v1?address=host:port");
    if (!allowed.has(target.key)) {
      log(`refused ${target.key}: not in the tunnel allow-list`);
      return refuse(client, 403, `${target.key} is not an allowed database address`);
    }
    if (pooling) {
      // The pool key needs the client's start-up message, which only comes over the WebSocket;
      // an unreachable database is then answered with a FATAL ErrorResponse instead of a 502.
      wss.handleUpgrade(req, client, head, (ws) => {
        const entry = { close: () => ws.terminate() };
        open.add(entry);
        void servePooledSession(ws, target, {
          ...pooling,
          log: (line) => log(`${target.key}: ${line}`),
        }).finally(() => open.delete(entry));
      });
      return;
    }
    void slots.acquire().then((release) => bridge(req, client, head, target, release));
  });

  function bridge(
    req: IncomingMessage,
    client: Duplex,
    head: Buffer,
    target: { host: string; port: number; key: string },
    release: () => void,
  ): void {
    if (client.destroyed) {
      release();
      return;
    }
    client.once("close", release);
    // Dial first and only then finish the handshake: the driver starts talking as soon as
    // the WebSocket opens, and a database that is down becomes a clear 502 instead.
    const tcp = connect({ host: target.host, port: target.port });
    const abandon = () => tcp.destroy();
    const unreachable = (err: Error) => {
      log(`cannot reach ${target.key}: ${err.message}`);
      refuse(client, 502, `cannot reach ${target.key}: ${err.message}`);
    };
    client.once("close", abandon);
    tcp.once("error", unreachable);
    tcp.once("connect", () => {
      wss.handleUpgrade(req, client, head, (ws) => {
        client.off("close", abandon);
        tcp.off("error", unreachable);
        const entry = {
          close: () => {
            ws.terminate();
            tcp.destroy();
          },
        };
        open.add(entry);
        void pipeWebSocketToTcp(ws, tcp, (line) => log(`${target.key}: ${line}`)).finally(() => {
          open.delete(entry);
          release();
        });
      });
    });
  }

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("neon tunnel: no TCP address");
  const reachable = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  log(`listening on ${reachable}:${address.port}, allowing ${[...allowed].join(", ") || "nothing"}`);

  return {
    port: address.port,
    wsProxy: `${reachable}:${address.port}/v1`,
    httpEndpoint: `http://${reachable}:${address.port}/sql`,
    close: async () => {
      closing = true;
      for (const entry of open) entry.close();
      pooling?.pool.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
      wss.close();
      await sql.close();
    },
  };
}

function answerHttp(
  req: IncomingMessage,
  res: ServerResponse,
  tunnels: { connections: number; pool?: BackendPool["stats"] },
  sql: SqlOverHttp,
): void {
  const path = new URL(req.url ?? "/", "http://tunnel").pathname;
  if (req.method === "POST" && path === "/sql") {
    void sql.handle(req, res);
    return;
  }
  if (req.method === "GET" && path === "/health") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "ok", ...tunnels, sql: sql.stats() }));
    return;
  }
  const status = path === "/v1" ? 426 : path === "/sql" ? 405 : 404;
  const text = { 426: "WebSocket upgrade required\n", 405: "POST only\n", 404: "not found\n" }[status];
  res.writeHead(status, { "content-type": "text/plain", ...(status === 405 ? { allow: "POST" } : {}) });
  res.end(text);
}

/** Parses `/v1?address=host:port`; an IPv6 host may come bracketed or bare ("::1:5432"). */
export function parseTarget(url: string | undefined): { host: string; port: number; key: string } | null {
  const parsed = new URL(url ?? "/", "http://tunnel");
  const address = parsed.searchParams.get("address");
  if (parsed.pathname !== "/v1" || !address) return null;
  return parseAddress(address);
}

/** Answers a refused upgrade with a plain HTTP response (no WebSocket is ever opened). */
function refuse(client: Duplex, status: 400 | 403 | 502, message: string): void {
  const reason = { 400: "Bad Request", 403: "Forbidden", 502: "Bad Gateway" }[status];
  const body = `${message}\n`;
  client.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** A counting semaphore; each release frees its slot once, however often it is called. */
function connectionSlots(max: number | undefined): { acquire(): Promise<() => void> } {
  let inUse = 0;
  const waiting: (() => void)[] = [];
  const grant = (): (() => void) => {
    inUse++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      inUse--;
      waiting.shift()?.();
    };
  };
  return {
    acquire() {
      if (max === undefined || inUse < max) return Promise.resolve(grant());
      return new Promise((resolve) => waiting.push(() => resolve(grant())));
    },
  };
}
