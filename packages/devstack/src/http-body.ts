import type { IncomingMessage } from "node:http";

/**
 * A request body, read whole, refusing it with `tooLarge()` once it passes `maxBytes` (each
 * stand-in guards itself; none of these limits copies the service it stands in for).
 */
export async function readBody(
  req: IncomingMessage,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
