import type { WebSocket } from "ws";
import {
  backendMessage,
  CANCEL_REQUEST,
  GSSENC_REQUEST,
  PROTOCOL_3,
  SSL_REQUEST,
  startupParameters,
} from "./wire-messages.ts";

export type ClientOpening =
  | { kind: "startup"; message: Buffer; params: Map<string, string> }
  | { kind: "cancel"; pid: number; secret: number };

/** A start-up packet longer than this is not one (Postgres itself allows 10 000 bytes). */
const MAX_STARTUP_BYTES = 10_000;

/**
 * Reads what a client sends before its first typed message: an SSLRequest or GSSENCRequest
 * (answered 'N', the tunnel speaks plain bytes inside the WebSocket; the driver sends neither by
 * default, but pg's `ssl` option would), then a StartupMessage or a CancelRequest. Bytes that
 * follow it stay in `inbox` for whoever serves the session. A malformed opening is answered with
 * a FATAL ErrorResponse and null.
 */
export function readClientOpening(
  ws: WebSocket,
  inbox: { bytes: Buffer },
  arrived: (listener: () => void) => () => void,
): Promise<ClientOpening | null> {
  return new Promise((resolve) => {
    const fail = (message: string) => {
      ws.send(backendMessage.errorResponse("FATAL", "08P01", message));
      ws.close(1002, "protocol violation");
      done(null);
    };
    const step = () => {
      for (;;) {
        const bytes = inbox.bytes;
        if (bytes.length < 8) return;
        const length = bytes.readInt32BE(0);
        const code = bytes.readInt32BE(4);
        if (length < 8 || length > MAX_STARTUP_BYTES) return fail("invalid start-up packet length");
        if (bytes.length < length) return;
        const message = bytes.subarray(0, length);
        inbox.bytes = bytes.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          ws.send(Buffer.from("N"));
          continue;
        }
        if (code === CANCEL_REQUEST && length === 16)
          return done({ kind: "cancel", pid: message.readInt32BE(8), secret: message.readInt32BE(12) });
        if (code !== PROTOCOL_3) return fail(`unsupported frontend protocol ${code >> 16}.${code & 0xffff}`);
        const params = startupParameters(message);
        if (!params) return fail("invalid start-up packet");
        return done({ kind: "startup", message, params });
      }
    };
    const stop = arrived(step);
    const closed = () => done(null);
    ws.once("close", closed);
    function done(opening: ClientOpening | null) {
      stop();
      ws.off("close", closed);
      resolve(opening);
    }
    step();
  });
}

/** Pool key: the database address and every start-up parameter, in a stable order. */
export function sessionKey(target: string, params: Map<string, string>): string {
  const sorted = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [target, ...sorted.map(([k, v]) => `${k}=${v}`)].join("\0");
}
