import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Stand-in for workers/ at the end of the broker: accepts every delivery to /events and lists
 * what it received at GET /received, so a test can see an event leave the outbox and arrive.
 */
export async function startEventSink(): Promise<{ url: string; close(): Promise<void> }> {
  const received: unknown[] = [];
  const server = createServer((req, res) => {
    if (req.method === "POST" && req.url === "/events") {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        received.push({
          signature: req.headers["upstash-signature"] ?? null,
          body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
        });
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      });
      return;
    }
    if (req.method === "GET" && req.url === "/received") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
