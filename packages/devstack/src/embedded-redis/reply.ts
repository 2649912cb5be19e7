/** What a command answers, in RESP2 terms: null is the nil bulk string, a number an integer. */
export type Reply = null | number | Buffer | Status | CommandError | Reply[];

/** A simple-string reply such as OK or QUEUED. */
export class Status {
  constructor(readonly text: string) {}
}
export const OK = new Status("OK");

/** An error reply; `message` starts with its code (ERR, WRONGTYPE, NOSCRIPT, …) as in Redis. */
export class CommandError extends Error {}

export const wrongType = () =>
  new CommandError("WRONGTYPE Operation against a key holding the wrong kind of value");
export const notInteger = () => new CommandError("ERR value is not an integer or out of range");
export const notFloat = () => new CommandError("ERR value is not a valid float");
export const syntaxError = () => new CommandError("ERR syntax error");

/** Redis prints doubles in their shortest round-tripping form, and infinities as inf / -inf. */
export function formatDouble(n: number): Buffer {
  if (n === Number.POSITIVE_INFINITY) return Buffer.from("inf");
  if (n === Number.NEGATIVE_INFINITY) return Buffer.from("-inf");
  return Buffer.from(String(n));
}

/** RESP2 wire form of a reply. */
export function encode(reply: Reply): Buffer {
  const parts: Buffer[] = [];
  const walk = (r: Reply) => {
    if (r === null) parts.push(Buffer.from("$-1\r\n"));
    else if (typeof r === "number") parts.push(Buffer.from(`:${r}\r\n`));
    else if (Buffer.isBuffer(r)) parts.push(Buffer.from(`$${r.length}\r\n`), r, Buffer.from("\r\n"));
    else if (r instanceof Status) parts.push(Buffer.from(`+${r.text}\r\n`));
    else if (r instanceof CommandError) parts.push(Buffer.from(`-${r.message.replace(/[\r\n]+/g, " ")}\r\n`));
    else {
      parts.push(Buffer.from(`*${r.length}\r\n`));
      for (const item of r) walk(item);
    }
  };
  walk(reply);
  return Buffer.concat(parts);
}

/**
 * Splits what a client sent into commands: arrays of bulk strings (what every client library
 * sends) and inline commands (`PING\r\n`, what telnet sends). Keeps any incomplete tail.
 */
export class RequestParser {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[][] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const commands: Buffer[][] = [];
    for (;;) {
      const parsed = this.next();
      if (!parsed) break;
      this.buffer = this.buffer.subarray(parsed.end);
      if (parsed.args.length > 0) commands.push(parsed.args);
    }
    return commands;
  }

  private next(): { args: Buffer[]; end: number } | undefined {
    const buf = this.buffer;
    const lineEnd = buf.indexOf("\r\n");
    if (lineEnd === -1) return undefined;
    if (buf[0] !== 0x2a /* * */) {
      const words = buf.subarray(0, lineEnd).toString("latin1").trim().split(/\s+/).filter(Boolean);
      return { args: words.map((w) => Buffer.from(w, "latin1")), end: lineEnd + 2 };
    }
    const count = Number(buf.subarray(1, lineEnd).toString("latin1"));
    if (!Number.isInteger(count)) throw new CommandError("ERR Protocol error: invalid multibulk length");
    let at = lineEnd + 2;
    const args: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      const end = buf.indexOf("\r\n", at);
      if (end === -1) return undefined;
      if (buf[at] !== 0x24 /* $ */) throw new CommandError("ERR Protocol error: expected '$'");
      const length = Number(buf.subarray(at + 1, end).toString("latin1"));
      if (!Number.isInteger(length) || length < 0)
        throw new CommandError("ERR Protocol error: invalid bulk length");
      const start = end + 2;
      if (buf.length < start + length + 2) return undefined;
      args.push(Buffer.from(buf.subarray(start, start + length)));
      at = start + length + 2;
    }
    return { args, end: at };
  }
}
