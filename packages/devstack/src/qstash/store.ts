import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { Journal, type JournalRecord } from "./journal.ts";
import type { DeadLetter, DedupEntry, QueueRecord, ScheduleRecord, StoredMessage } from "./types.ts";

/** What the store does with a collection whatever its record type. */
interface Journalled {
  readonly name: string;
  readonly size: number;
  apply(record: JournalRecord): void;
  records(): JournalRecord[];
  attach(journal: Journal): void;
  put(item: never): Promise<void>;
}

/** Records by key in memory (the read path); every change is written through to the journal. */
export class Collection<T> implements Journalled {
  private readonly items = new Map<string, T>();
  private journal: Journal | undefined;

  constructor(
    readonly name: string,
    private readonly keyOf: (item: T) => string,
  ) {}

  get(key: string): T | undefined {
    return this.items.get(key);
  }

  values(): T[] {
    return [...this.items.values()];
  }

  get size(): number {
    return this.items.size;
  }

  /** Updates memory at once (a racing reader sees it); resolves once the change is on file. */
  put(item: T): Promise<void> {
    this.items.set(this.keyOf(item), item);
    return this.write({ c: this.name, put: item });
  }

  delete(key: string): Promise<void> {
    this.items.delete(key);
    return this.write({ c: this.name, del: key });
  }

  /** Replays one journal line. */
  apply(record: JournalRecord): void {
    if ("put" in record) this.items.set(this.keyOf(record.put as T), record.put as T);
    else this.items.delete(record.del);
  }

  records(): JournalRecord[] {
    return this.values().map((item) => ({ c: this.name, put: item }));
  }

  attach(journal: Journal): void {
    this.journal = journal;
  }

  private write(record: JournalRecord): Promise<void> {
    if (!this.journal) throw new Error(`qstash store: ${this.name} is not open`);
    return this.journal.append(record);
  }
}

export interface BrokerStore {
  messages: Collection<StoredMessage>;
  deadLetters: Collection<DeadLetter>;
  schedules: Collection<ScheduleRecord>;
  queues: Collection<QueueRecord>;
  dedup: Collection<DedupEntry>;
  nextSequence(): number;
  /** Resolves once every change made so far is on file. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The broker's state under `${dataDir}/qstash/`: one journal file (`journal.ndjson`) that a broker
 * restarted on the same directory replays. A directory left by the earlier layout (one JSON file
 * per record in `messages/`, `dlq/`, …) is read once into the journal and then removed.
 */
export async function openStore(dataDir: string): Promise<BrokerStore> {
  const root = join(dataDir, "qstash");
  await mkdir(root, { recursive: true });
  const messages = new Collection<StoredMessage>("messages", (m) => m.messageId);
  const deadLetters = new Collection<DeadLetter>("dlq", (d) => d.dlqId);
  const schedules = new Collection<ScheduleRecord>("schedules", (s) => s.scheduleId);
  const queues = new Collection<QueueRecord>("queues", (q) => q.name);
  const dedup = new Collection<DedupEntry>("dedup", (d) => d.key);
  const all: Journalled[] = [messages, deadLetters, schedules, queues, dedup];
  const byName = new Map(all.map((collection) => [collection.name, collection]));

  const journal = await Journal.open(
    join(root, "journal.ndjson"),
    (record) => byName.get(record.c)?.apply(record),
    {
      live: () => all.reduce((sum, collection) => sum + collection.size, 0),
      records: () => all.flatMap((collection) => collection.records()),
    },
  );
  for (const collection of all) collection.attach(journal);
  await importPerFileLayout(root, all);

  let sequence = messages.values().reduce((max, m) => Math.max(max, m.sequence), 0);
  return {
    messages,
    deadLetters,
    schedules,
    queues,
    dedup,
    nextSequence: () => ++sequence,
    flush: () => journal.idle(),
    close: () => journal.close(),
  };
}

/** Moves records of the one-file-per-record layout into the journal, then deletes their files. */
async function importPerFileLayout(root: string, collections: Journalled[]): Promise<void> {
  for (const collection of collections) {
    const dir = join(root, collection.name);
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    });
    if (names === null) continue;
    const files = names.filter((name) => name.endsWith(".json"));
    const items = await Promise.all(
      files.map(async (name) => JSON.parse(await readFile(join(dir, name), "utf8"))),
    );
    await Promise.all(items.map((item) => collection.put(item as never)));
    await rm(dir, { recursive: true, force: true });
  }
}
