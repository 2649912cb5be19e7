/**
 * Upstash answers every string reply base64-encoded when the client sends `Upstash-Encoding: base64`
 * (the @upstash/redis default), so binary and non-UTF-8 values survive JSON. Integers and nulls stay as
 * they are; arrays are encoded element by element. "OK" is documented to stay plain, and the SDK
 * decodes a plain "OK" as itself, so a stored value "OK" reads back correctly too.
 */
export type ReplyEncoding = "base64" | "utf8";

export function encodeReply(reply: unknown, encoding: ReplyEncoding): unknown {
  if (reply === null || reply === undefined) return null;
  if (typeof reply === "number") return reply;
  if (typeof reply === "string") return encodeReply(Buffer.from(reply), encoding);
  if (Buffer.isBuffer(reply)) {
    const text = reply.toString("utf8");
    return encoding === "base64" && text !== "OK" ? reply.toString("base64") : text;
  }
  if (Array.isArray(reply)) return reply.map((item) => encodeReply(item, encoding));
  // An error nested in an array (e.g. a Lua table with an `err` field) has no JSON form; keep its text.
  if (reply instanceof Error) return encodeReply(reply.message, encoding);
  return encodeReply(String(reply), encoding);
}

export function requestedEncoding(header: string | string[] | undefined): ReplyEncoding {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.trim().toLowerCase() === "base64" ? "base64" : "utf8";
}

/** An error the bridge answers with before (or instead of) asking Redis; `status` is the HTTP status. */
export class BridgeError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "BridgeError";
  }
}
