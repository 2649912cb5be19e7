import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../src/qstash/store.ts";
import type { StoredMessage } from "../src/qstash/types.ts";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "qstash-store-"));
  dirs.push(dir);
  return dir;
}

function message(n: number, fields: Partial<StoredMessage> = {}): StoredMessage {
  return {
    messageId: `msg_${n}`,
    sequence: n,
    url: "http://127.0.0.1:9/events",
    method: "POST",
    headers: [["content-type", "application/json"]],
    bodyBase64: Buffer.from(JSON.stringify({ n })).toString("base64"),
    maxRetries: 3,
    retried: 0,
    notBefore: 0,
    createdAt: 0,
    timeoutMs: 30_000,
    ...fields,
  };
}

const journalOf = (dir: string) => join(dir, "qstash", "journal.ndjson");

describe("QStash broker store: one journal file", () => {
  it("a reopened store holds what was acknowledged: puts, replacements, deletes, every collection", async () => {
    const dir = await dataDir();
    const store = await openStore(dir);
    await Promise.all([1, 2, 3].map((n) => store.messages.put(message(n))));
    await store.messages.put(message(2, { retried: 1, notBefore: 1234 }));
    await store.messages.delete("msg_1");
    await store.dedup.put({ key: "evt-1", messageId: "msg_3", url: "http://x", expiresAt: 99 });
    await store.queues.put({ name: "q", parallelism: 2, paused: true, createdAt: 1, updatedAt: 2 });
    await store.close();

    const again = await openStore(dir);
    expect(
      again.messages
        .values()
        .map((m) => m.messageId)
        .sort(),
    ).toEqual(["msg_2", "msg_3"]);
    expect(again.messages.get("msg_2")).toMatchObject({ retried: 1, notBefore: 1234 });
    expect(again.dedup.get("evt-1")?.messageId).toBe("msg_3");
    expect(again.queues.get("q")).toMatchObject({ parallelism: 2, paused: true });
    // Sequence numbers continue after the highest stored one, so queue order survives a restart.
    expect(again.nextSequence()).toBe(4);
    await again.close();
  });

  it("keeps every change in the one file: 100 messages are 100 lines, not 100 files", async () => {
    const dir = await dataDir();
    const store = await openStore(dir);
    await Promise.all(Array.from({ length: 100 }, (_, n) => store.messages.put(message(n))));
    await store.close();
    expect(await readdir(join(dir, "qstash"))).toEqual(["journal.ndjson"]);
    const lines = (await readFile(journalOf(dir), "utf8")).trimEnd().split("\n");
    expect(lines).toHaveLength(100);
  });

  it("drops a line torn by a crash mid-write and keeps appending on a line of its own", async () => {
    const dir = await dataDir();
    const store = await openStore(dir);
    await store.messages.put(message(1));
    await store.close();
    await writeFile(
      journalOf(dir),
      `${await readFile(journalOf(dir), "utf8")}{"c":"messages","put":{"messageI`,
    );

    const reopened = await openStore(dir);
    expect(reopened.messages.values().map((m) => m.messageId)).toEqual(["msg_1"]);
    await reopened.messages.put(message(2));
    await reopened.close();
    const last = await openStore(dir);
    expect(
      last.messages
        .values()
        .map((m) => m.messageId)
        .sort(),
    ).toEqual(["msg_1", "msg_2"]);
    await last.close();
  });

  it("refuses to start on a damaged line in the middle, naming the file and line", async () => {
    const dir = await dataDir();
    await mkdir(join(dir, "qstash"), { recursive: true });
    const good = JSON.stringify({ c: "messages", put: message(1) });
    await writeFile(journalOf(dir), `${good}\nnot json\n${good}\n`);
    await expect(openStore(dir)).rejects.toThrow(/journal\.ndjson: line 2 is not JSON/);
  });

  it("rewrites the journal from what is live once most of its lines describe delivered messages", async () => {
    const dir = await dataDir();
    const store = await openStore(dir);
    for (let start = 0; start < 12_000; start += 1000) {
      const batch = Array.from({ length: 1000 }, (_, i) => message(start + i));
      await Promise.all(batch.map((m) => store.messages.put(m)));
      await Promise.all(batch.map((m) => store.messages.delete(m.messageId)));
    }
    await store.messages.put(message(50_000));
    await store.close();
    // 24,001 changes were written; what is left describes the one message still pending.
    const lines = (await readFile(journalOf(dir), "utf8")).trimEnd().split("\n");
    expect(lines.length).toBeLessThan(5000);
    const reopened = await openStore(dir);
    expect(reopened.messages.values().map((m) => m.messageId)).toEqual(["msg_50000"]);
    await reopened.close();
    expect((await stat(journalOf(dir))).size).toBeLessThan(5000 * 400);
  });

  it("moves a directory of the earlier one-file-per-record layout into the journal", async () => {
    const dir = await dataDir();
    const messages = join(dir, "qstash", "messages");
    const schedules = join(dir, "qstash", "schedules");
    await mkdir(messages, { recursive: true });
    await mkdir(schedules, { recursive: true });
    await writeFile(join(messages, "a.json"), JSON.stringify(message(7)));
    await writeFile(
      join(schedules, "b.json"),
      JSON.stringify({
        scheduleId: "sweep",
        cron: "* * * * *",
        destination: "http://x",
        method: "POST",
        headers: [],
        bodyBase64: "",
        retries: 3,
        delay: 0,
        timeoutMs: 30_000,
        createdAt: 1,
        isPaused: false,
      }),
    );

    const store = await openStore(dir);
    expect(store.messages.get("msg_7")?.sequence).toBe(7);
    expect(store.schedules.get("sweep")?.cron).toBe("* * * * *");
    await store.close();
    expect((await readdir(join(dir, "qstash"))).sort()).toEqual(["journal.ndjson"]);
    const reopened = await openStore(dir);
    expect(reopened.messages.get("msg_7")).toBeDefined();
    expect(reopened.nextSequence()).toBe(8);
    await reopened.close();
  });
});
