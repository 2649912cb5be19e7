import type { WebSocket } from "ws";
import type { BackendPool, PooledBackend } from "./backend-pool.ts";
import type { CancelKeys } from "./cancel-keys.ts";
import { frontendMessage, MessageScanner } from "./wire-messages.ts";

/** Same back-pressure as the plain tunnel (pipe.ts): pause the database above, resume below. */
const HIGH_WATER = 1024 * 1024;
const LOW_WATER = 256 * 1024;
/** A backend that does not finish `DISCARD ALL` within this is closed instead. */
const RESET_TIMEOUT_MS = 5000;

/** What a pooled session needs from the tunnel. */
export interface SessionPooling {
  pool: BackendPool;
  cancels: CancelKeys;
  /** True once the tunnel is shutting down: nothing goes back to the pool. */
  closing(): boolean;
  log(line: string): void;
}

/** The backend a client holds for its session. */
export interface SessionHold {
  backend: PooledBackend;
  /** False when the server asked this client for a password: its backend is never lent to another. */
  poolable: boolean;
  revokeCancelKey(): void;
  /** Cancels whatever the backend is running (its client left without waiting for the answer). */
  cancelRunning(): void;
  /** Backend bytes that arrived with its start-up's ReadyForQuery, for the relay to pass on first. */
  early?: Buffer;
}

/**
 * The client→server half of a pooled session: forwards the bytes up to a Terminate, which is
 * kept from the backend (the backend outlives the client), and counts the messages that each
 * earn one ReadyForQuery (Query, Sync, FunctionCall), so the tunnel knows whether the backend is
 * still busy with something the client asked for when the client leaves.
 */
export class ClientStream {
  private readonly scanner = new MessageScanner(() => false);
  awaitingReady = 0;
  terminated = false;

  take(chunk: Buffer): { forward: Buffer; terminated: boolean } {
    if (this.terminated) return { forward: Buffer.alloc(0), terminated: true };
    let cut = chunk.length;
    this.scanner.push(chunk, (type, offset) => {
      if (type === "X") {
        this.terminated = true;
        cut = offset;
        return false;
      }
      if (type === "Q" || type === "S" || type === "F") this.awaitingReady++;
      return true;
    });
    return { forward: chunk.subarray(0, cut), terminated: this.terminated };
  }

  /** Between messages, with no answer outstanding. */
  get settled(): boolean {
    return this.awaitingReady === 0 && (this.terminated || this.scanner.atBoundary);
  }
}

/** Relays one client's session over its backend, then returns or closes the backend. */
export function relayPooledSession(
  ws: WebSocket,
  hold: SessionHold,
  client: ClientStream,
  inbox: { bytes: Buffer },
  arrived: (listener: () => void) => () => void,
  deps: SessionPooling,
): Promise<void> {
  const { backend } = hold;
  const { tcp } = backend;
  const server = new MessageScanner((type) => type === "Z");
  let status = "I";
  let unflushed = 0;
  let backendLost = false;

  const toClient = (chunk: Buffer) => {
    for (const message of server.push(chunk)) {
      if (message.type !== "Z") continue;
      status = String.fromCharCode(message.body?.[0] ?? 0x45);
      client.awaitingReady = Math.max(0, client.awaitingReady - 1);
    }
    if (ws.readyState !== ws.OPEN) return;
    unflushed += chunk.length;
    ws.send(chunk, { binary: true }, (err) => {
      unflushed -= chunk.length;
      if (err) return;
      if (tcp.isPaused() && unflushed < LOW_WATER) tcp.resume();
    });
    if (unflushed > HIGH_WATER) tcp.pause();
  };
  const fromClient = () => {
    const { forward, terminated } = client.take(inbox.bytes);
    inbox.bytes = Buffer.alloc(0);
    if (forward.length > 0 && !tcp.write(forward)) ws.pause();
    if (terminated) ws.close(1000, "terminated");
  };
  const drained = () => ws.resume();
  const ended = () => {
    backendLost = true;
    if (ws.readyState === ws.OPEN) ws.close(1000, "database closed the connection");
  };
  const failed = (err: Error) => {
    backendLost = true;
    deps.log(`database socket error: ${err.message}`);
    if (ws.readyState === ws.OPEN) ws.close(1011, "database connection error");
  };

  tcp.on("data", toClient);
  tcp.on("drain", drained);
  tcp.on("end", ended);
  tcp.on("close", ended);
  tcp.on("error", failed);
  if (hold.early && hold.early.length > 0) toClient(hold.early);
  tcp.resume();
  arrived(fromClient);
  fromClient();

  return new Promise((resolve) => {
    const finish = () => {
      tcp.off("data", toClient);
      tcp.off("drain", drained);
      tcp.off("end", ended);
      tcp.off("close", ended);
      tcp.off("error", failed);
      hold.revokeCancelKey();
      tcp.resume();
      const clean = !backendLost && hold.poolable && client.settled && status === "I" && !deps.closing();
      if (!clean) {
        // Postgres notices a vanished client only when it next writes to it: a long query would
        // run on for nobody. Cancelled, it fails at once, finds the socket gone and exits.
        if (!backendLost && !client.settled) hold.cancelRunning();
        deps.pool.discard(backend);
        return resolve();
      }
      void reset(backend, deps).then(resolve);
    };
    if (ws.readyState === ws.CLOSED) finish();
    else ws.once("close", finish);
  });
}

/**
 * `DISCARD ALL` ends everything a session may have left (settings, temporary tables, prepared
 * statements, LISTEN, advisory locks, cursors, plans); the backend goes back to the pool only if
 * it completes and leaves the backend idle. Inside a transaction it fails, so a client that left
 * mid-transaction never hands its transaction on.
 */
function reset(backend: PooledBackend, deps: SessionPooling): Promise<void> {
  const { tcp } = backend;
  const scanner = new MessageScanner((type) => type === "Z" || type === "E");
  return new Promise((resolve) => {
    let failed = false;
    const settle = (fit: boolean) => {
      clearTimeout(timer);
      tcp.off("data", onData);
      tcp.off("close", lost);
      tcp.off("error", lost);
      if (fit && !deps.closing()) {
        backend.uses++;
        deps.pool.checkin(backend);
      } else deps.pool.discard(backend);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      for (const message of scanner.push(chunk)) {
        if (message.type === "E") failed = true;
        if (message.type === "Z") return settle(!failed && message.body?.[0] === 0x49 && scanner.atBoundary);
      }
    };
    const lost = () => settle(false);
    const timer = setTimeout(lost, RESET_TIMEOUT_MS);
    tcp.on("data", onData);
    tcp.on("close", lost);
    tcp.on("error", lost);
    tcp.write(frontendMessage.query("DISCARD ALL"));
  });
}
