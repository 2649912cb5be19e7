/**
 * Just enough of the Postgres wire protocol (v3) for the session-pooling tunnel to answer a
 * client's start-up itself and to follow message boundaries in the relayed streams.
 */

export const PROTOCOL_3 = 196608;
export const SSL_REQUEST = 80877103;
export const GSSENC_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;

const typed = (type: string, body: Buffer): Buffer => {
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
};
const int32s = (...values: number[]) => {
  const out = Buffer.alloc(4 * values.length);
  for (const [i, v] of values.entries()) out.writeInt32BE(v | 0, 4 * i);
  return out;
};

export const backendMessage = {
  authenticationOk: () => typed("R", int32s(0)),
  backendKeyData: (pid: number, secret: number) => typed("K", int32s(pid, secret)),
  readyForQuery: (status: string) => typed("Z", Buffer.from(status, "latin1")),
  /** `code` is a SQLSTATE; the driver raises `message` as the error's text. */
  errorResponse: (severity: "FATAL" | "ERROR", code: string, message: string) =>
    typed("E", Buffer.from(`S${severity}\0V${severity}\0C${code}\0M${message}\0\0`, "utf8")),
};

export const frontendMessage = {
  query: (sql: string) => typed("Q", Buffer.from(`${sql}\0`, "utf8")),
  cancelRequest: (pid: number, secret: number) => int32s(16, CANCEL_REQUEST, pid, secret),
};

/** The key/value pairs of a StartupMessage (its bytes after the length and protocol code). */
export function startupParameters(message: Buffer): Map<string, string> | null {
  const parts = message.subarray(8).toString("utf8").split("\0");
  // "k1\0v1\0k2\0v2\0\0" splits into [k1, v1, k2, v2, "", ""].
  if (parts.length < 2 || parts.at(-1) !== "" || parts.at(-2) !== "") return null;
  const pairs = parts.slice(0, -2);
  if (pairs.length % 2 !== 0) return null;
  const params = new Map<string, string>();
  for (let i = 0; i < pairs.length; i += 2) params.set(pairs[i] as string, pairs[i + 1] as string);
  return params.has("user") ? params : null;
}

export interface ScannedMessage {
  type: string;
  /** The body (after type and length), when `keep` asked for it; else null. */
  body: Buffer | null;
  /** The whole message as sent, when its body was kept. */
  raw: Buffer | null;
  /** Offset just past the message in the chunk that completed it. */
  end: number;
}

/**
 * Follows a stream of typed messages (1 type byte + Int32 length that counts itself) across
 * chunk boundaries, as a WebSocket frame or TCP read may hold part of a message or several. Only
 * the bodies of the types `keep` accepts are collected; the rest are counted and skipped, so a
 * large result costs nothing to follow.
 */
export class MessageScanner {
  private header: Buffer = Buffer.alloc(0);
  private remaining = 0;
  private type = "";
  private body: Buffer[] | null = null;

  constructor(private readonly keep: (type: string) => boolean) {}

  /** True between messages: nothing of a message is pending. */
  get atBoundary(): boolean {
    return this.header.length === 0 && this.remaining === 0 && this.body === null;
  }

  /**
   * Feeds a chunk; returns the messages it completed. `onStart` sees each message's type as soon
   * as its first byte arrives, with that byte's offset in the chunk; returning false stops the
   * scan there (the rest of the chunk is not read).
   */
  push(chunk: Buffer, onStart?: (type: string, offset: number) => boolean): ScannedMessage[] {
    const done: ScannedMessage[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - offset);
        this.body?.push(chunk.subarray(offset, offset + take));
        this.remaining -= take;
        offset += take;
        if (this.remaining === 0) done.push(this.finish(offset));
        continue;
      }
      if (this.header.length === 0 && onStart && !onStart(String.fromCharCode(chunk[offset] ?? 0), offset))
        return done;
      const take = Math.min(5 - this.header.length, chunk.length - offset);
      this.header = Buffer.concat([this.header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (this.header.length < 5) continue;
      this.type = String.fromCharCode(this.header[0] ?? 0);
      this.remaining = Math.max(0, this.header.readInt32BE(1) - 4);
      this.body = this.keep(this.type) ? [] : null;
      if (this.remaining === 0) done.push(this.finish(offset));
    }
    return done;
  }

  private finish(end: number): ScannedMessage {
    const body = this.body ? Buffer.concat(this.body) : null;
    const raw = body ? Buffer.concat([this.header, body]) : null;
    const message = { type: this.type, body, raw, end };
    this.header = Buffer.alloc(0);
    this.body = null;
    return message;
  }
}
