import { createServer } from "node:net";
import type { EventEnvelope } from "@hometrip/contracts";
import { createQStashPublisher, type EventPublisher, recordEvent, relayOutbox } from "@hometrip/core";
import { outbox, systemPings } from "@hometrip/db";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerToken, type EventStack, startEventStack } from "./support/event-stack.ts";
import { waitFor } from "./support/wait.ts";

let stack: EventStack;
beforeAll(async () => {
  stack = await startEventStack();
});
afterAll(async () => {
  await stack?.close();
});

/** A port nothing listens on: the broker is "down". */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const recordPing = (note: string) =>
  stack.db.transaction((tx) => recordEvent(tx, "system.pinged", { note, requestedBy: "relay-test" }));

describe("relayOutbox and the sweep", () => {
  it("leaves a row it could not publish for the sweep, which publishes it", async () => {
    const brokerDown = createQStashPublisher({
      qstashUrl: `http://127.0.0.1:${await closedPort()}`,
      token: brokerToken,
      destinationUrl: stack.workersUrl,
      connectRetries: 0,
    });
    const { id } = await recordPing("left behind");

    expect(await relayOutbox(stack.db, brokerDown, { ids: [id] })).toEqual({ published: 0, failed: 1 });
    const [failed] = await stack.db.select().from(outbox).where(eq(outbox.id, id));
    expect(failed).toMatchObject({ publishedAt: null, attempts: 1 });
    expect(failed?.lastError).toBeTruthy();

    // What the QStash schedule does every minute: a signed POST to the sweep job.
    await stack.qstash.publishJSON({ url: `${stack.workersUrl}/jobs/outbox-sweep`, body: {} });
    await waitFor("the swept ping", async () => {
      const rows = await stack.db.select().from(systemPings).where(eq(systemPings.eventId, id));
      return rows[0];
    });
    const [swept] = await stack.db.select().from(outbox).where(eq(outbox.id, id));
    expect(swept?.publishedAt).toBeInstanceOf(Date);
    expect(swept).toMatchObject({ attempts: 2, lastError: null });
  });

  it("two relays running at once publish every row exactly once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await recordPing(`concurrent ${i}`)).id);

    const published: string[] = [];
    const slowCounting = (): EventPublisher & { count: number } => {
      const publisher = {
        count: 0,
        async publish(envelope: EventEnvelope) {
          published.push(envelope.id);
          publisher.count += 1;
          // Hold the claimed rows long enough for the other relay to run into the locks.
          await new Promise((resolve) => setTimeout(resolve, 25));
          await stack.publisher.publish(envelope);
        },
      };
      return publisher;
    };
    const drain = async (publisher: EventPublisher) => {
      for (;;) {
        const { published: n } = await relayOutbox(stack.db, publisher, { limit: 2 });
        if (n === 0) return;
      }
    };
    const [a, b] = [slowCounting(), slowCounting()];
    await Promise.all([drain(a), drain(b)]);

    const ours = published.filter((id) => ids.includes(id));
    expect(ours.sort()).toEqual([...ids].sort());
    expect(a.count).toBeGreaterThan(0);
    expect(b.count).toBeGreaterThan(0);
    await waitFor("all pings", async () => {
      const rows = await stack.db.select().from(systemPings).where(inArray(systemPings.eventId, ids));
      return rows.length === ids.length;
    });
  });

  it("publishes several rows in one batch request and marks them together", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await recordPing(`batched ${i}`)).id);
    const calls = { batch: 0, single: 0 };
    const counting: EventPublisher = {
      publish: async (envelope) => {
        calls.single++;
        await stack.publisher.publish(envelope);
      },
      publishBatch: async (envelopes) => {
        calls.batch++;
        await stack.publisher.publishBatch?.(envelopes);
      },
    };
    expect(await relayOutbox(stack.db, counting, { ids })).toEqual({ published: 5, failed: 0 });
    expect(calls).toEqual({ batch: 1, single: 0 });
    const rows = await stack.db.select().from(outbox).where(inArray(outbox.id, ids));
    expect(rows.every((row) => row.publishedAt instanceof Date && row.attempts === 1)).toBe(true);
    await waitFor("the batched pings", async () => {
      const pings = await stack.db.select().from(systemPings).where(inArray(systemPings.eventId, ids));
      return pings.length === ids.length;
    });
  });

  it("falls back to one by one when the broker refuses a batch", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await recordPing(`refused batch ${i}`)).id);
    let singles = 0;
    const refusing: EventPublisher = {
      publish: async (envelope) => {
        singles++;
        await stack.publisher.publish(envelope);
      },
      publishBatch: async () => {
        throw new Error("batch refused");
      },
    };
    expect(await relayOutbox(stack.db, refusing, { ids })).toEqual({ published: 3, failed: 0 });
    expect(singles).toBe(3);
  });
});
