import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DeadLetter, DedupEntry, QueueRecord, ScheduleRecord, StoredMessage } from "./types.ts";

/**
 * Serialises writes per file so a later state never loses a rename race to an earlier one,
 * and lets close() wait until everything acknowledged to a client is on disk.
 */
class FileWriter {
  private readonly chains = new Map<string, Promise<void>>();

  write(path: string, text: string): Promise<void> {
    return this.enqueue(path, async () => {
      // Write-then-rename: a crash mid-write leaves the previous version, never half a file.
      const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(tmp, text);
      await rename(tmp, path);
    });
  }

  remove(path: string): Promise<void> {
    return this.enqueue(path, () => rm(path, { force: true }));
  }

  async idle(): Promise<void> {
    await Promise.allSettled([...this.chains.values()]);
  }

  private enqueue(path: string, op: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(path) ?? Promise.resolve()).then(op, op);
    this.chains.set(path, next);
    void next.finally(() => {
      if (this.chains.get(path) === next) this.chains.delete(path);
    });
    return next;
  }
}

/** One JSON file per record; the in-memory map is the read path, disk is written through. */
export class Collection<T> {
  private readonly items = new Map<string, T>();

  private constructor(
    private readonly dir: string,
    private readonly keyOf: (item: T) => string,
    private readonly writer: FileWriter,
  ) {}

  static async open<T>(dir: string, keyOf: (item: T) => string, writer: FileWriter): Promise<Collection<T>> {
    await mkdir(dir, { recursive: true });
    const collection = new Collection(dir, keyOf, writer);
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      if (name.endsWith(".tmp")) {
        await rm(path, { force: true });
        continue;
      }
      if (!name.endsWith(".json")) continue;
      const item = JSON.parse(await readFile(path, "utf8")) as T;
      collection.items.set(keyOf(item), item);
    }
    return collection;
  }

  get(key: string): T | undefined {
    return this.items.get(key);
  }

  values(): T[] {
    return [...this.items.values()];
  }

  put(item: T): Promise<void> {
    const key = this.keyOf(item);
    this.items.set(key, item);
    return this.writer.write(this.fileOf(key), JSON.stringify(item));
  }

  delete(key: string): Promise<void> {
    this.items.delete(key);
    return this.writer.remove(this.fileOf(key));
  }

  // Keys can be user-chosen (schedule ids, queue names): hash them into safe file names.
  private fileOf(key: string): string {
    return join(this.dir, `${createHash("sha256").update(key).digest("hex").slice(0, 32)}.json`);
  }
}

export interface BrokerStore {
  messages: Collection<StoredMessage>;
  deadLetters: Collection<DeadLetter>;
  schedules: Collection<ScheduleRecord>;
  queues: Collection<QueueRecord>;
  dedup: Collection<DedupEntry>;
  nextSequence(): number;
  flush(): Promise<void>;
}

export async function openStore(dataDir: string): Promise<BrokerStore> {
  const root = join(dataDir, "qstash");
  const writer = new FileWriter();
  const messages = await Collection.open<StoredMessage>(join(root, "messages"), (m) => m.messageId, writer);
  let sequence = messages.values().reduce((max, m) => Math.max(max, m.sequence), 0);
  return {
    messages,
    deadLetters: await Collection.open<DeadLetter>(join(root, "dlq"), (d) => d.dlqId, writer),
    schedules: await Collection.open<ScheduleRecord>(join(root, "schedules"), (s) => s.scheduleId, writer),
    queues: await Collection.open<QueueRecord>(join(root, "queues"), (q) => q.name, writer),
    dedup: await Collection.open<DedupEntry>(join(root, "dedup"), (d) => d.key, writer),
    nextSequence: () => ++sequence,
    flush: () => writer.idle(),
  };
}
