/**
 * How much of an oversized body is read and thrown away before the connection is given up on.
 * Answering while the client is still sending leaves unread bytes on the connection: the local
 * runtime then stalled or answered 503 to the next request it received, from any client. Reading
 * to the end lets the connection carry the next request; past this much the body is cancelled.
 */
const drainLimitFactor = 4;

/**
 * Reads a request body up to `maxBytes`, refusing as soon as it is larger — first by the declared
 * Content-Length, then while streaming — so an oversized upload is never buffered whole.
 */
export async function readLimitedBody(
  request: Request,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discard(request.body?.getReader(), maxBytes * drainLimitFactor);
    throw tooLarge();
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await discard(reader, maxBytes * drainLimitFactor - total);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Drains what a handler left unread of a request body (a 401, 415 or 429 answered before reading
 * an upload), so the connection is left ready for the next request.
 */
export async function discardUnreadBody(request: Request, budget: number): Promise<void> {
  if (request.body && !request.bodyUsed && !request.body.locked)
    await discard(request.body.getReader(), budget);
}

/** Reads and drops the rest of a body, up to `budget` bytes; cancels it if more keeps coming. */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array> | undefined, budget: number) {
  if (!reader) return;
  let left = budget;
  try {
    while (left > 0) {
      const { done, value } = await reader.read();
      if (done) return;
      left -= value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away mid-body: nothing is left to drain.
  } finally {
    reader.releaseLock();
  }
}
