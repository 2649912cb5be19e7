import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Receiver } from "@upstash/qstash";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type BrokerHarness,
  type Consumer,
  CURRENT_KEY,
  NEXT_KEY,
  startBroker,
  startConsumer,
  TOKEN,
} from "./qstash-fixture.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(respond?: (n: number) => number): Promise<{ h: BrokerHarness; consumer: Consumer }> {
  const h = await startBroker();
  cleanups.push(() => h.close());
  const consumer = await startConsumer(respond);
  cleanups.push(() => consumer.close());
  return { h, consumer };
}

const signatureOf = (d: { headers: Record<string, unknown> }) => String(d.headers["upstash-signature"]);

describe("QStash broker: publishing and signed delivery", () => {
  it("delivers Client.publishJSON to the destination, signed so Receiver.verify accepts the raw body", async () => {
    const { h, consumer } = await setup();
    const url = `${consumer.url}/events?source=test`;
    const res = await h.client.publishJSON({
      url,
      body: { type: "system.pinged", note: "hello" },
      headers: { "x-request-id": "req-1" },
    });
    expect(res.messageId).toMatch(/^msg_/);

    const [delivery] = await consumer.waitFor(1);
    expect(delivery!.method).toBe("POST");
    expect(delivery!.path).toBe("/events?source=test");
    expect(JSON.parse(delivery!.body)).toEqual({ type: "system.pinged", note: "hello" });
    expect(delivery!.headers["content-type"]).toBe("application/json");
    expect(delivery!.headers["x-request-id"]).toBe("req-1");
    expect(delivery!.headers["upstash-message-id"]).toBe(res.messageId);
    expect(delivery!.headers["upstash-retried"]).toBe("0");

    const receiver = new Receiver({ currentSigningKey: CURRENT_KEY, nextSigningKey: NEXT_KEY });
    await expect(
      receiver.verify({ signature: signatureOf(delivery!), body: delivery!.body, url }),
    ).resolves.toBe(true);
    // A consumer mid-rotation (our current key is its next key) still verifies.
    const rotating = new Receiver({ currentSigningKey: "sig_old_key_000000", nextSigningKey: CURRENT_KEY });
    await expect(rotating.verify({ signature: signatureOf(delivery!), body: delivery!.body })).resolves.toBe(
      true,
    );
  });

  it("signatures reject a tampered body, a wrong key, another URL and an expired token", async () => {
    const { h, consumer } = await setup();
    await h.client.publishJSON({ url: `${consumer.url}/events`, body: { amount: 100 } });
    const [delivery] = await consumer.waitFor(1);
    const signature = signatureOf(delivery!);
    const receiver = new Receiver({ currentSigningKey: CURRENT_KEY, nextSigningKey: NEXT_KEY });

    await expect(receiver.verify({ signature, body: JSON.stringify({ amount: 999 }) })).rejects.toThrow(
      /body hash/,
    );
    const stranger = new Receiver({ currentSigningKey: "sig_wrong_1", nextSigningKey: "sig_wrong_2" });
    await expect(stranger.verify({ signature, body: delivery!.body })).rejects.toThrow(/signature/i);
    await expect(
      receiver.verify({ signature, body: delivery!.body, url: `${consumer.url}/other` }),
    ).rejects.toThrow(/invalid subject/);

    // Six minutes later the five-minute token has expired. (Both keys set to the signing key,
    // so the error Receiver reports is the expiry rather than the next-key mismatch.)
    const sameKeys = new Receiver({ currentSigningKey: CURRENT_KEY, nextSigningKey: CURRENT_KEY });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 6 * 60_000);
    await expect(sameKeys.verify({ signature, body: delivery!.body })).rejects.toThrow(/"exp" claim/);
    await expect(receiver.verify({ signature, body: delivery!.body })).rejects.toThrow();
  });

  it("rejects publishers without the bearer token", async () => {
    const { h, consumer } = await setup();
    const res = await fetch(`${h.broker.url}/v2/publish/${consumer.url}/events`, {
      method: "POST",
      headers: { Authorization: "Bearer wrong" },
      body: "x",
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("Unauthorized");
    expect(TOKEN).not.toBe("wrong");
  });

  it("honours Upstash-Method and forwards only Upstash-Forward-* headers", async () => {
    const { h, consumer } = await setup();
    const res = await fetch(`${h.broker.url}/v2/publish/${consumer.url}/put-here`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        "Upstash-Method": "PUT",
        "Upstash-Forward-X-Tenant": "t1",
        "X-Not-Forwarded": "secret",
        "Content-Type": "text/plain",
      },
      body: "plain body",
    });
    expect(res.status).toBe(201);
    const [delivery] = await consumer.waitFor(1);
    expect(delivery!.method).toBe("PUT");
    expect(delivery!.body).toBe("plain body");
    expect(delivery!.headers["x-tenant"]).toBe("t1");
    expect(delivery!.headers["x-not-forwarded"]).toBeUndefined();
    expect(delivery!.headers.authorization).toBeUndefined();
  });

  it("honours a delay: nothing arrives before it elapses", async () => {
    const { h, consumer } = await setup();
    const publishedAt = Date.now();
    const { messageId } = await h.client.publishJSON({ url: `${consumer.url}/later`, body: {}, delay: 1 });
    const pending = await h.client.messages.get(messageId);
    expect(pending.notBefore).toBeGreaterThanOrEqual(publishedAt + 1000);
    const [delivery] = await consumer.waitFor(1, 4000);
    expect(delivery!.at - publishedAt).toBeGreaterThanOrEqual(950);
  });

  it("a cancelled delayed message is never delivered", async () => {
    const { h, consumer } = await setup();
    const { messageId } = await h.client.publishJSON({ url: `${consumer.url}/later`, body: {}, delay: 1 });
    await expect(h.client.messages.cancel(messageId)).resolves.toEqual({ cancelled: 1 });
    await expect(h.client.messages.get(messageId)).rejects.toThrow(/not found/);
    await expect(consumer.waitFor(1, 1500)).rejects.toThrow(/expected 1/);
  });

  it("deduplicates by id and by content: the second publish returns the first messageId and is not delivered", async () => {
    const { h, consumer } = await setup();
    const url = `${consumer.url}/events`;
    const first = await h.client.publishJSON({ url, body: { n: 1 }, deduplicationId: "outbox-42" });
    const second = await h.client.publishJSON({ url, body: { n: 2 }, deduplicationId: "outbox-42" });
    expect(second).toMatchObject({ messageId: first.messageId, deduplicated: true });

    const a = await h.client.publishJSON({ url, body: { same: true }, contentBasedDeduplication: true });
    const b = await h.client.publishJSON({ url, body: { same: true }, contentBasedDeduplication: true });
    expect(b.messageId).toBe(a.messageId);
    expect(b.deduplicated).toBe(true);

    await consumer.waitFor(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(consumer.deliveries.map((d) => JSON.parse(d.body))).toEqual(
      expect.arrayContaining([{ n: 1 }, { same: true }]),
    );
    expect(consumer.deliveries).toHaveLength(2);
  });

  it("batch publishes several messages and answers with one messageId each", async () => {
    const { h, consumer } = await setup();
    const results = await h.client.batchJSON([
      { url: `${consumer.url}/a`, body: { n: 1 } },
      { url: `${consumer.url}/b`, body: { n: 2 }, headers: { "x-kind": "b" } },
    ]);
    expect(results).toHaveLength(2);
    expect(new Set(results.map((r) => r.messageId)).size).toBe(2);
    const deliveries = await consumer.waitFor(2);
    const byPath = Object.fromEntries(deliveries.map((d) => [d.path, d]));
    expect(JSON.parse(byPath["/a"]!.body)).toEqual({ n: 1 });
    expect(byPath["/b"]!.headers["x-kind"]).toBe("b");
  });

  it("enqueue delivers a named queue in FIFO order, one at a time", async () => {
    const { h, consumer } = await setup();
    const queue = h.client.queue({ queueName: "bookings" });
    for (let n = 0; n < 5; n++) await queue.enqueueJSON({ url: `${consumer.url}/q`, body: { n } });
    const deliveries = await consumer.waitFor(5);
    expect(deliveries.map((d) => JSON.parse(d.body).n)).toEqual([0, 1, 2, 3, 4]);
    const info = await queue.get();
    expect(info).toMatchObject({ name: "bookings", parallelism: 1, paused: false, lag: 0 });
  });

  it("keeps at most maxConcurrentDeliveries requests open and still delivers a whole burst, each once", async () => {
    const h = await startBroker({ maxConcurrentDeliveries: 3 });
    cleanups.push(() => h.close());
    let open = 0;
    let mostOpen = 0;
    const seen: number[] = [];
    const slow = createServer((req, res) => {
      open++;
      mostOpen = Math.max(mostOpen, open);
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        setTimeout(() => {
          seen.push(JSON.parse(Buffer.concat(chunks).toString()).n);
          open--;
          res.end("ok");
        }, 30);
      });
    });
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => slow.close(() => resolve())));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/e`;

    await h.client.batchJSON(Array.from({ length: 20 }, (_, n) => ({ url, body: { n } })));
    await vi.waitFor(() => expect(seen).toHaveLength(20), { timeout: 5000 });
    expect(mostOpen).toBe(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });
});
