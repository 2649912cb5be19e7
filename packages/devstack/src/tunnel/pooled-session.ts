import { connect, type Socket } from "node:net";
import type { RawData, WebSocket } from "ws";
import type { TunnelTarget } from "./address.ts";
import type { PooledBackend } from "./backend-pool.ts";
import { type CancelKeys, sendCancel } from "./cancel-keys.ts";
import { readClientOpening, sessionKey } from "./client-startup.ts";
import { toBuffer } from "./pipe.ts";
import { ClientStream, relayPooledSession, type SessionHold, type SessionPooling } from "./pooled-relay.ts";
import { backendMessage, MessageScanner } from "./wire-messages.ts";

/**
 * One WebSocket client of the session-pooling tunnel: reads its start-up, lends it a warm backend
 * for its start-up parameters (answering the start-up itself) or starts a new one (relaying the
 * real start-up and recording its greeting), relays the session, and afterwards returns the
 * backend to the pool only if it is idle and `DISCARD ALL` leaves it idle; anything else closes it.
 */
export async function servePooledSession(ws: WebSocket, target: TunnelTarget, deps: SessionPooling) {
  const inbox: { bytes: Buffer } = { bytes: Buffer.alloc(0) };
  let consume: () => void = () => {};
  ws.on("message", (data: RawData) => {
    inbox.bytes = inbox.bytes.length === 0 ? toBuffer(data) : Buffer.concat([inbox.bytes, toBuffer(data)]);
    consume();
  });
  ws.on("error", (err) => deps.log(`websocket error: ${err.message}`));
  const arrived = (listener: () => void) => {
    consume = listener;
    return () => {
      consume = () => {};
    };
  };

  const opening = await readClientOpening(ws, inbox, arrived);
  if (!opening) return;
  if (opening.kind === "cancel") {
    if (!deps.cancels.forward(opening.pid, opening.secret, deps.log))
      deps.log("cancel request for no current session ignored");
    ws.close(1000, "cancel request handled");
    return;
  }

  const key = sessionKey(target.key, opening.params);
  const warm = await deps.pool.acquire(key);
  if (ws.readyState !== ws.OPEN) {
    if (warm) deps.pool.checkin(warm);
    else deps.pool.discard(null);
    return;
  }
  const client = new ClientStream();
  const started = warm
    ? lend(ws, target, warm, deps)
    : await startBackend(
        ws,
        target,
        key,
        opening.message,
        deps,
        () => {
          const { forward } = client.take(inbox.bytes);
          inbox.bytes = Buffer.alloc(0);
          return forward;
        },
        arrived,
      );
  if (!started) return;
  await relayPooledSession(ws, started, client, inbox, arrived, deps);
}

/** A warm backend: the start-up is answered from what the backend said at its own. */
function lend(
  ws: WebSocket,
  target: TunnelTarget,
  backend: PooledBackend,
  deps: SessionPooling,
): SessionHold {
  const cancel = deps.cancels.issue(target, backend.pid, backend.secret);
  ws.send(
    Buffer.concat([
      backendMessage.authenticationOk(),
      backend.greeting,
      backendMessage.backendKeyData(cancel.pid, cancel.secret),
      backendMessage.readyForQuery("I"),
    ]),
  );
  return {
    backend,
    poolable: true,
    revokeCancelKey: cancel.revoke,
    cancelRunning: () => sendCancel(target, backend.pid, backend.secret, deps.log),
  };
}

/**
 * A new backend: the client's start-up and authentication pass through unchanged, while the
 * greeting (ParameterStatus) and key data are recorded for later clients.
 */
function startBackend(
  ws: WebSocket,
  target: TunnelTarget,
  key: string,
  startup: Buffer,
  deps: SessionPooling,
  /** What the client sent meanwhile (a password message), to pass on. */
  fromClient: () => Buffer,
  arrived: (listener: () => void) => () => void,
): Promise<SessionHold | null> {
  return new Promise((resolve) => {
    const tcp: Socket = connect({ host: target.host, port: target.port });
    tcp.setNoDelay(true);
    const scanner = new MessageScanner(() => true);
    const greeting: Buffer[] = [];
    let poolable = true;
    let keyData: { pid: number; secret: number } | null = null;
    let cancel: ReturnType<CancelKeys["issue"]> | null = null;

    let connected = false;
    let settled = false;
    const detach = () => {
      settled = true;
      tcp.off("data", onData);
      tcp.off("close", closedEarly);
      tcp.off("error", unreachable);
      ws.off("close", clientLeft);
    };
    const fail = (reason: string) => {
      if (settled) return;
      detach();
      tcp.destroy();
      cancel?.revoke();
      deps.pool.discard(null);
      if (ws.readyState === ws.OPEN) {
        // Refused before any byte of the server's: say why, as Postgres would.
        if (!connected) ws.send(backendMessage.errorResponse("FATAL", "08006", reason));
        ws.close(1000, connected ? "database closed the connection" : "database unreachable");
      }
      resolve(null);
    };
    const onData = (chunk: Buffer) => {
      for (const message of scanner.push(chunk)) {
        const { type, body, raw } = message;
        if (!body || !raw) continue;
        if (type === "R" && body.readInt32BE(0) !== 0) poolable = false;
        if (type === "S") greeting.push(raw);
        if (type === "K") {
          keyData = { pid: body.readInt32BE(0), secret: body.readInt32BE(4) };
          cancel = deps.cancels.issue(target, keyData.pid, keyData.secret);
          ws.send(backendMessage.backendKeyData(cancel.pid, cancel.secret));
          continue;
        }
        ws.send(raw);
        if (type !== "Z") continue;
        detach();
        const backend: PooledBackend = {
          key,
          tcp,
          greeting: Buffer.concat(greeting),
          pid: keyData?.pid ?? 0,
          secret: keyData?.secret ?? 0,
          uses: 0,
        };
        // A server that sent no key data cannot have its queries cancelled; never lend it on.
        if (!keyData || !cancel) poolable = false;
        // Held until the relay listens; nothing should follow ReadyForQuery before the client asks.
        tcp.pause();
        resolve({
          backend,
          poolable,
          revokeCancelKey: cancel?.revoke ?? (() => {}),
          cancelRunning: () => keyData && sendCancel(target, keyData.pid, keyData.secret, deps.log),
          early: chunk.subarray(message.end),
        });
        return;
      }
    };
    const closedEarly = () => fail(`${target.key} closed the connection during start-up`);
    const clientLeft = () => fail("client left");
    const unreachable = (err: Error) => {
      deps.log(`cannot reach ${target.key}: ${err.message}`);
      fail(`cannot reach ${target.key}: ${err.message}`);
    };
    tcp.on("error", unreachable);
    ws.on("close", clientLeft);
    tcp.once("connect", () => {
      connected = true;
      tcp.on("close", closedEarly);
      tcp.on("data", onData);
      if (ws.readyState !== ws.OPEN) return fail("client left");
      tcp.write(startup);
      // The password exchange, if the server asks for one, passes through untouched.
      const pass = () => {
        const bytes = fromClient();
        if (bytes.length > 0) tcp.write(bytes);
      };
      arrived(pass);
      pass();
    });
  });
}
