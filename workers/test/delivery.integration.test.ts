import { recordEvent, relayOutbox } from "@hometrip/core";
import { outbox, processedEvents, systemPings } from "@hometrip/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EventStack, startEventStack } from "./support/event-stack.ts";
import { faultyHandlers } from "./support/faults.ts";
import { pingEnvelope, signDelivery } from "./support/signing.ts";
import { waitFor } from "./support/wait.ts";

const faults = faultyHandlers();
let stack: EventStack;

beforeAll(async () => {
  stack = await startEventStack({ handlers: faults.handlers });
});
afterAll(async () => {
  await stack?.close();
});

const pingsFor = (eventId: string) =>
  stack.db.select().from(systemPings).where(eq(systemPings.eventId, eventId));
const firstPing = (eventId: string) =>
  waitFor(`a system_pings row for ${eventId}`, async () => (await pingsFor(eventId))[0]);
const logged = (message: string, eventId: string) =>
  stack.logs.filter((l) => l.message === message && l.fields.eventId === eventId);

describe("an event travels from the outbox through the broker to the workers", () => {
  it("writes the ping once, and the relay marks the outbox row published", async () => {
    const { id } = await stack.db.transaction((tx) =>
      recordEvent(tx, "system.pinged", { note: "end to end", requestedBy: "ops@hometrip.test" }),
    );
    expect(await relayOutbox(stack.db, stack.publisher, { ids: [id] })).toEqual({ published: 1, failed: 0 });

    expect(await firstPing(id)).toMatchObject({ note: "end to end", requestedBy: "ops@hometrip.test" });
    const [row] = await stack.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row?.publishedAt).toBeInstanceOf(Date);
    expect(row?.lastError).toBeNull();
    const processed = await stack.db.select().from(processedEvents).where(eq(processedEvents.eventId, id));
    expect(processed).toEqual([expect.objectContaining({ eventType: "system.pinged" })]);
  });

  it("never publishes an event whose transaction rolled back", async () => {
    let recorded: string | undefined;
    await expect(
      stack.db.transaction(async (tx) => {
        recorded = (await recordEvent(tx, "system.pinged", { note: "doomed", requestedBy: "ops" })).id;
        throw new Error("domain change failed");
      }),
    ).rejects.toThrow("domain change failed");
    expect(await stack.db.select().from(outbox).where(eq(outbox.id, recorded!))).toEqual([]);
  });
});

describe("a redelivered event has one effect", () => {
  it("when the broker delivers the same event again", async () => {
    const envelope = pingEnvelope();
    await stack.publisher.publish(envelope);
    await firstPing(envelope.id);
    // No deduplication id this time: what a replay or an at-least-once redelivery looks like.
    await stack.qstash.publishJSON({ url: `${stack.workersUrl}/events`, body: envelope });
    await waitFor("the duplicate delivery", async () => logged("event already processed", envelope.id)[0]);
    expect(await pingsFor(envelope.id)).toHaveLength(1);
  });

  it("when copies of one signed delivery arrive at the same time", async () => {
    const body = JSON.stringify(pingEnvelope());
    const url = `${stack.workersUrl}/events`;
    const signature = signDelivery({ url, body });
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(url, { method: "POST", headers: { "upstash-signature": signature }, body }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const outcomes = (await Promise.all(responses.map((r) => r.json())))
      .map((b) => (b as { status: string }).status)
      .sort();
    expect(outcomes).toEqual(["duplicate", "duplicate", "duplicate", "duplicate", "processed"]);
    expect(await pingsFor(JSON.parse(body).id)).toHaveLength(1);
  });
});

describe("a failing handler", () => {
  it("is retried by the broker and succeeds later, with no partial effect from the failures", async () => {
    const envelope = pingEnvelope();
    faults.failNext(envelope.id, 2);
    await stack.publisher.publish(envelope);

    await firstPing(envelope.id);
    expect(logged("event handler failed", envelope.id)).toHaveLength(2);
    expect(await pingsFor(envelope.id)).toHaveLength(1);
  });

  it("is dead-lettered when it keeps failing, and a replay after the fix applies it once", async () => {
    const envelope = pingEnvelope();
    faults.failNext(envelope.id, Number.POSITIVE_INFINITY);
    await stack.publisher.publish(envelope);

    const dead = await waitFor("the dead letter", async () => {
      const { messages } = await stack.qstash.dlq.listMessages();
      return messages.find((m) => m.body?.includes(envelope.id));
    });
    expect(dead.responseStatus).toBe(500);
    expect(logged("event handler failed", envelope.id)).toHaveLength(3); // first try + 2 retries
    expect(await pingsFor(envelope.id)).toEqual([]);

    faults.heal(envelope.id);
    await stack.qstash.dlq.retry(dead.dlqId);
    await firstPing(envelope.id);
    expect(await pingsFor(envelope.id)).toHaveLength(1);
  });
});
