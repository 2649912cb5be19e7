import type { Socket } from "node:net";
import type { RawData, WebSocket } from "ws";
import { FrontendMessageTracker } from "./frontend-messages.ts";

/**
 * Bytes sent to the WebSocket but not yet flushed to the client. Above HIGH_WATER the
 * database socket is paused (Postgres then blocks on its own send buffer) until the client
 * has drained below LOW_WATER, so a huge result never piles up in the tunnel's memory.
 */
const HIGH_WATER = 1024 * 1024;
const LOW_WATER = 256 * 1024;
/** How long a half-closed database socket may linger after the client left. */
const END_GRACE_MS = 2000;

/**
 * Shuttles raw Postgres wire bytes between one WebSocket (the neon driver) and one TCP
 * socket (the database), with back-pressure both ways. Resolves once both ends are closed.
 */
export function pipeWebSocketToTcp(ws: WebSocket, tcp: Socket, log: (line: string) => void): Promise<void> {
  const tracker = new FrontendMessageTracker();
  let unflushed = 0;

  tcp.setNoDelay(true);

  tcp.on("data", (chunk: Buffer) => {
    unflushed += chunk.length;
    ws.send(chunk, { binary: true }, (err) => {
      unflushed -= chunk.length;
      if (err) tcp.destroy();
      else if (tcp.isPaused() && unflushed < LOW_WATER) tcp.resume();
    });
    if (unflushed > HIGH_WATER) tcp.pause();
  });

  ws.on("message", (data: RawData) => {
    const chunk = toBuffer(data);
    const flushed = tcp.write(chunk);
    if (tracker.push(chunk)) {
      // Terminate: forward it, then close both ends instead of trusting the server to.
      tcp.end();
      ws.close(1000, "terminated");
    } else if (!flushed) {
      // The database is not reading fast enough; stop reading frames until it drains.
      ws.pause();
    }
  });
  tcp.on("drain", () => ws.resume());

  // The server finished (or failed): queued frames go out first, then the close frame.
  tcp.on("end", () => ws.close(1000, "database closed the connection"));
  tcp.on("error", (err) => {
    log(`database socket error: ${err.message}`);
    ws.close(1011, "database connection error");
  });
  ws.on("error", (err) => log(`websocket error: ${err.message}`));

  const wsClosed = new Promise<void>((resolve) => {
    ws.once("close", () => {
      tcp.end();
      setTimeout(() => tcp.destroy(), END_GRACE_MS).unref();
      resolve();
    });
  });
  const tcpClosed = new Promise<void>((resolve) => {
    tcp.once("close", () => {
      if (ws.readyState === ws.OPEN) ws.close(1000, "database closed the connection");
      resolve();
    });
  });
  return Promise.all([wsClosed, tcpClosed]).then(() => undefined);
}

export function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
