import { AppError, type EventEnvelope, parseEventEnvelope } from "@hometrip/contracts";
import { type Database, outbox } from "@hometrip/db";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EventPublisher, recordEvent, relayOutbox } from "../src/index.ts";

let database: TunnelledDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "core_outbox" });
  db = database.db;
});
afterAll(() => database?.close());

/** Stands in for the broker: remembers what it was given, refuses the ids it is told to. */
function recordingPublisher(refuse: Set<string> = new Set()) {
  const published: EventEnvelope[] = [];
  const publisher: EventPublisher = {
    async publish(envelope) {
      if (refuse.has(envelope.id)) throw new Error("broker said no");
      published.push(envelope);
    },
  };
  return { publisher, published, refuse };
}

const ping = (note: string) =>
  db.transaction((tx) => recordEvent(tx, "system.pinged", { note, requestedBy: "core-test" }));
const rowsOf = (ids: string[]) => db.select().from(outbox).where(inArray(outbox.id, ids));

describe("recordEvent", () => {
  it("writes an unpublished outbox row with the catalog version and the parsed payload", async () => {
    const { id } = await ping("  padded  ");
    const [row] = await rowsOf([id]);
    expect(row).toMatchObject({
      eventType: "system.pinged",
      eventVersion: 1,
      payload: { note: "padded", requestedBy: "core-test" },
      publishedAt: null,
      attempts: 0,
    });
  });

  it("refuses a payload its own schema rejects and writes nothing", async () => {
    const before = await db.$count(outbox);
    // @ts-expect-error requestedBy is missing on purpose
    const attempt = db.transaction((tx) => recordEvent(tx, "system.pinged", { note: "no author" }));
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "INTERNAL" });
    expect(await db.$count(outbox)).toBe(before);
  });
});

describe("relayOutbox", () => {
  it("publishes the oldest rows first, as envelopes the consumer's parser accepts", async () => {
    const occurred = ["2026-01-01T10:00:02Z", "2026-01-01T10:00:00Z", "2026-01-01T10:00:01Z"];
    const inserted = await db
      .insert(outbox)
      .values(
        occurred.map((at, i) => ({
          eventType: "system.pinged",
          eventVersion: 1,
          payload: { note: `n${i}`, requestedBy: "core-test" },
          occurredAt: new Date(at),
        })),
      )
      .returning({ id: outbox.id });
    const ids = inserted.map((r) => r.id);
    const { publisher, published } = recordingPublisher();

    expect(await relayOutbox(db, publisher, { ids })).toEqual({ published: 3, failed: 0 });
    expect(published.map((e) => e.id)).toEqual([ids[1], ids[2], ids[0]]);
    expect(published.map((e) => e.occurredAt)).toEqual([
      "2026-01-01T10:00:00.000Z",
      "2026-01-01T10:00:01.000Z",
      "2026-01-01T10:00:02.000Z",
    ]);
    for (const envelope of published) expect(parseEventEnvelope(envelope).ok).toBe(true);
    for (const row of await rowsOf(ids)) expect(row.publishedAt).toBeInstanceOf(Date);
  });

  it("touches only the ids it is given, and nothing for an empty list", async () => {
    const first = await ping("first");
    const second = await ping("second");
    const { publisher, published } = recordingPublisher();

    expect(await relayOutbox(db, publisher, { ids: [] })).toEqual({ published: 0, failed: 0 });
    expect(await relayOutbox(db, publisher, { ids: [first.id] })).toEqual({ published: 1, failed: 0 });
    expect(published.map((e) => e.id)).toEqual([first.id]);
    const [untouched] = await rowsOf([second.id]);
    expect(untouched?.publishedAt).toBeNull();
  });

  it("does not publish a row twice once it is marked", async () => {
    const { id } = await ping("once");
    const { publisher, published } = recordingPublisher();
    await relayOutbox(db, publisher, { ids: [id] });
    expect(await relayOutbox(db, publisher, { ids: [id] })).toEqual({ published: 0, failed: 0 });
    expect(published).toHaveLength(1);
  });

  it("keeps going past a failed row, records the failure, and a later run publishes it", async () => {
    const ids = [(await ping("a")).id, (await ping("b")).id, (await ping("c")).id];
    const failing = ids[1]!;
    const broker = recordingPublisher(new Set([failing]));

    expect(await relayOutbox(db, broker.publisher, { ids })).toEqual({ published: 2, failed: 1 });
    const [row] = await db.select().from(outbox).where(eq(outbox.id, failing));
    expect(row).toMatchObject({ publishedAt: null, attempts: 1, lastError: "Error: broker said no" });

    broker.refuse.clear();
    expect(await relayOutbox(db, broker.publisher, { ids })).toEqual({ published: 1, failed: 0 });
    const [healed] = await db.select().from(outbox).where(eq(outbox.id, failing));
    expect(healed).toMatchObject({ attempts: 2, lastError: null });
    expect(healed?.publishedAt).toBeInstanceOf(Date);
  });

  it("gives up on a broker that never answers, so the claimed row is released for the sweep", async () => {
    const { id } = await ping("stuck");
    const hanging: EventPublisher = { publish: () => new Promise(() => {}) };
    expect(await relayOutbox(db, hanging, { ids: [id], publishTimeoutMs: 100 })).toEqual({
      published: 0,
      failed: 1,
    });
    const [row] = await rowsOf([id]);
    expect(row).toMatchObject({ publishedAt: null, attempts: 1 });
    expect(row?.lastError).toContain("timed out");
  });
});
