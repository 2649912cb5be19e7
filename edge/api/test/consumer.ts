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

/**
 * Stand-in for our Stripe webhook endpoint: the Worker under test has no port the Stripe
 * stand-in could POST to, so its signed deliveries are kept here (raw body and header, byte for
 * byte) and a test replays them into `POST /webhooks/stripe`. GET /received lists them.
 */
export async function startStripeWebhookSink(): Promise<{ url: string; close(): Promise<void> }> {
  const received: { body: string; signature: string }[] = [];
  const server = createServer((req, res) => {
    if (req.method === "POST" && req.url === "/webhooks/stripe") {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const signature = String(req.headers["stripe-signature"] ?? "");
        received.push({ body: Buffer.concat(chunks).toString("utf8"), signature });
        res.writeHead(200).end();
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
