import { afterEach, describe, expect, it } from "vitest";
import { type BrokerHarness, type Consumer, sleep, startBroker, startConsumer } from "./qstash-fixture.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function broker(opts: { backoffMs?: number } = {}): Promise<BrokerHarness> {
  const h = await startBroker(opts);
  cleanups.push(() => h.close());
  return h;
}

async function consumer(respond?: (n: number) => number, port?: number): Promise<Consumer> {
  const c = await startConsumer(respond, port);
  cleanups.push(() => c.close());
  return c;
}

describe("QStash broker: retries, dead letters, restarts, schedules", () => {
  it("retries a consumer that fails twice: three deliveries with Upstash-Retried 0, 1, 2", async () => {
    const h = await broker();
    const c = await consumer((n) => (n < 2 ? 500 : 200));
    const { messageId } = await h.client.publishJSON({ url: `${c.url}/flaky`, body: { ok: true } });
    const deliveries = await c.waitFor(3);
    expect(deliveries.map((d) => d.headers["upstash-retried"])).toEqual(["0", "1", "2"]);
    expect(new Set(deliveries.map((d) => d.headers["upstash-message-id"]))).toEqual(new Set([messageId]));
    // Each attempt carries its own token.
    expect(new Set(deliveries.map((d) => d.headers["upstash-signature"])).size).toBe(3);
    await sleep(200);
    expect(c.deliveries).toHaveLength(3);
    expect((await h.client.dlq.listMessages()).messages).toHaveLength(0);
    expect(h.logs.filter((l) => l.includes(messageId))).toEqual([
      expect.stringMatching(/attempt 1\/4 → 500/),
      expect.stringMatching(/attempt 2\/4 → 500/),
      expect.stringMatching(/attempt 3\/4 → 200/),
    ]);
  });

  it("dead-letters after Upstash-Retries is exhausted, and a DLQ replay delivers again", async () => {
    const h = await broker();
    let healthy = false;
    const c = await consumer(() => (healthy ? 200 : 503));
    const url = `${c.url}/always-down`;
    const { messageId } = await h.client.publishJSON({ url, body: { order: 7 }, retries: 2 });
    await c.waitFor(3);
    await sleep(200);
    expect(c.deliveries).toHaveLength(3);

    const { messages } = await h.client.dlq.listMessages();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ messageId, url, responseStatus: 503, maxRetries: 2 });
    expect(JSON.parse(messages[0]!.body!)).toEqual({ order: 7 });
    await expect(h.client.messages.get(messageId)).rejects.toThrow(/not found/);

    healthy = true;
    const replay = await h.client.dlq.retry(messages[0]!.dlqId);
    expect(replay.responses).toHaveLength(1);
    const deliveries = await c.waitFor(4);
    expect(JSON.parse(deliveries[3]!.body)).toEqual({ order: 7 });
    expect(deliveries[3]!.headers["upstash-retried"]).toBe("0");
    expect((await h.client.dlq.listMessages()).messages).toHaveLength(0);
  });

  it("deletes a dead letter by id", async () => {
    const h = await broker();
    const c = await consumer(() => 500);
    await h.client.publishJSON({ url: `${c.url}/x`, body: {}, retries: 0 });
    await c.waitFor(1);
    await sleep(100);
    const [dead] = (await h.client.dlq.listMessages()).messages;
    await h.client.dlq.delete(dead!.dlqId);
    expect((await h.client.dlq.listMessages()).messages).toHaveLength(0);
  });

  it("calls back with the destination's answer, and the failure callback once retries run out", async () => {
    const h = await broker();
    const ok = await consumer(() => 200);
    const failing = await consumer(() => 500);
    const callbacks = await consumer();
    const { messageId } = await h.client.publishJSON({
      url: `${ok.url}/fine`,
      body: { n: 1 },
      callback: `${callbacks.url}/success`,
    });
    const failed = await h.client.publishJSON({
      url: `${failing.url}/broken`,
      body: { n: 2 },
      retries: 1,
      failureCallback: `${callbacks.url}/failure`,
    });
    const received = await callbacks.waitFor(2);
    const byPath = Object.fromEntries(received.map((d) => [d.path, JSON.parse(d.body)]));
    expect(byPath["/success"]).toMatchObject({ status: 200, sourceMessageId: messageId, retried: 0 });
    expect(Buffer.from(byPath["/success"].body, "base64").toString()).toBe("ok");
    expect(byPath["/failure"]).toMatchObject({ status: 500, sourceMessageId: failed.messageId, retried: 1 });
    expect(received.every((d) => typeof d.headers["upstash-signature"] === "string")).toBe(true);
  });

  it("delivers messages accepted before a restart, including one already retrying", async () => {
    const h = await broker({ backoffMs: 600 });
    const down = await startConsumer();
    const port = down.port;
    await down.close();

    const retrying = await h.client.publishJSON({
      url: `http://127.0.0.1:${port}/r`,
      body: { n: "retrying" },
    });
    const delayed = await h.client.publishJSON({
      url: `http://127.0.0.1:${port}/d`,
      body: { n: "delayed" },
      delay: 1,
    });
    // Let the first attempt of `retrying` fail against the closed port.
    await sleep(150);
    expect(h.logs.some((l) => l.includes(retrying.messageId) && l.includes("attempt 1/4"))).toBe(true);

    await h.broker.close();
    const c = await consumer(undefined, port);
    await h.restart();
    const deliveries = await c.waitFor(2, 5000);
    const byId = Object.fromEntries(deliveries.map((d) => [String(d.headers["upstash-message-id"]), d]));
    expect(byId[retrying.messageId]?.headers["upstash-retried"]).toBe("1");
    expect(JSON.parse(byId[delayed.messageId]!.body)).toEqual({ n: "delayed" });
  });

  it("a dedup id stays remembered across a restart", async () => {
    const h = await broker();
    const c = await consumer();
    const first = await h.client.publishJSON({ url: `${c.url}/e`, body: {}, deduplicationId: "evt-1" });
    await c.waitFor(1);
    await h.restart();
    const again = await h.client.publishJSON({ url: `${c.url}/e`, body: {}, deduplicationId: "evt-1" });
    expect(again).toMatchObject({ messageId: first.messageId, deduplicated: true });
    await sleep(200);
    expect(c.deliveries).toHaveLength(1);
  });

  it("a cron schedule fires every second with Upstash-Schedule-Id, can be paused, and stops once deleted", {
    timeout: 15_000,
  }, async () => {
    const h = await broker();
    const c = await consumer();
    const { scheduleId } = await h.client.schedules.create({
      destination: `${c.url}/jobs/outbox-sweep`,
      cron: "* * * * * *",
      body: JSON.stringify({ job: "sweep" }),
    });
    const listed = await h.client.schedules.list();
    expect(listed.map((s) => s.scheduleId)).toEqual([scheduleId]);
    expect(listed[0]).toMatchObject({ cron: "* * * * * *", isPaused: false, retries: 3 });

    const fired = await c.waitFor(2, 4000);
    expect(fired[0]!.headers["upstash-schedule-id"]).toBe(scheduleId);
    expect(JSON.parse(fired[0]!.body)).toEqual({ job: "sweep" });

    await h.client.schedules.pause({ schedule: scheduleId });
    expect((await h.client.schedules.get(scheduleId)).isPaused).toBe(true);
    await sleep(300);
    const whilePaused = c.deliveries.length;
    await sleep(1300);
    expect(c.deliveries.length).toBe(whilePaused);
    await h.client.schedules.resume({ schedule: scheduleId });
    await c.waitFor(whilePaused + 1, 3000);

    await h.client.schedules.delete(scheduleId);
    await sleep(300);
    const afterDelete = c.deliveries.length;
    await sleep(1300);
    expect(c.deliveries.length).toBe(afterDelete);
    expect(await h.client.schedules.list()).toEqual([]);
  });

  it("upserts a schedule by Upstash-Schedule-Id and keeps it across a restart", async () => {
    const h = await broker();
    const c = await consumer();
    const destination = `${c.url}/nightly`;
    await h.client.schedules.create({ scheduleId: "nightly", destination, cron: "0 3 * * *" });
    await h.client.schedules.create({ scheduleId: "nightly", destination, cron: "30 4 * * *" });
    await h.restart();
    const [schedule] = await h.client.schedules.list();
    expect(schedule).toMatchObject({ scheduleId: "nightly", cron: "30 4 * * *", destination });
    expect(new Date(schedule!.nextScheduleTime!).getUTCHours()).toBe(4);
    await expect(h.client.schedules.create({ destination, cron: "not a cron" })).rejects.toThrow(
      /invalid Upstash-Cron/,
    );
  });
});
