import { type FileHandle, open, readFile, rename, rm, writeFile } from "node:fs/promises";

/** One change to one collection: `put` replaces the record under its key, `del` removes it. */
export type JournalRecord = { c: string; put: unknown } | { c: string; del: string };

/** What compaction needs of the records the journal describes. */
export interface LiveState {
  /** How many records are live. */
  live(): number;
  /** A put of every live record. */
  records(): JournalRecord[];
}

/** Rewrite the journal once it holds this many lines and four times as many as live records. */
const COMPACT_MIN_LINES = 10_000;
const COMPACT_RATIO = 4;

/**
 * An append-only file of JSON lines, one per change. Lines appended in the same turn of the event
 * loop (a batch of 100 messages, a delivery's bookkeeping) go out in one write, and a caller's
 * promise resolves once its line is in the file, so what the broker acknowledged survives a
 * crash of its process (as the one-file-per-record store did: neither syncs to the disk).
 * Once most lines describe records that are gone, the file is rewritten from a snapshot.
 */
export class Journal {
  private pending: { text: string; done: () => void; failed: (error: unknown) => void }[] = [];
  private writing: Promise<void> | undefined;

  private constructor(
    private readonly path: string,
    private handle: FileHandle,
    /** Lines in the file: what compaction weighs against the live records. */
    private lines: number,
    private readonly state: LiveState,
  ) {}

  /**
   * Replays `path` into `apply` (a torn last line, from a crash mid-write, is dropped), then
   * opens it for appending. `state` describes the live records, for compaction.
   */
  static async open(
    path: string,
    apply: (record: JournalRecord) => void,
    state: LiveState,
  ): Promise<Journal> {
    const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return "";
      throw error;
    });
    const lines = text.split("\n");
    let count = 0;
    for (const [index, line] of lines.entries()) {
      if (line === "") continue;
      let record: JournalRecord;
      try {
        record = JSON.parse(line) as JournalRecord;
      } catch {
        if (index === lines.length - 1) break; // the unfinished write of a crash
        throw new Error(`${path}: line ${index + 1} is not JSON; delete the file to start the broker empty`);
      }
      apply(record);
      count++;
    }
    // Drop a torn tail now, so the next append starts on a line of its own.
    const intact = text.endsWith("\n") || text === "" ? null : text.slice(0, text.lastIndexOf("\n") + 1);
    if (intact !== null) await writeWhole(path, intact);
    return new Journal(path, await open(path, "a"), count, state);
  }

  append(record: JournalRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ text: `${JSON.stringify(record)}\n`, done: resolve, failed: reject });
      this.writing ??= this.drain();
    });
  }

  /** Resolves once every line appended so far is in the file. */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  async close(): Promise<void> {
    await this.idle();
    await this.handle.close();
  }

  private async drain(): Promise<void> {
    // Let the rest of this turn's changes join the batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        // appendFile writes all of it (a bare write may stop short).
        await this.handle.appendFile(batch.map((entry) => entry.text).join(""));
        this.lines += batch.length;
        for (const entry of batch) entry.done();
      } catch (error) {
        for (const entry of batch) entry.failed(error);
      }
      await this.compactIfMostlyDead();
    }
    this.writing = undefined;
  }

  private async compactIfMostlyDead(): Promise<void> {
    if (this.lines < COMPACT_MIN_LINES || this.lines < COMPACT_RATIO * this.state.live()) return;
    const records = this.state.records();
    // The snapshot may already hold changes still waiting in `pending`; replaying those after it
    // again is harmless (a put of the same record, a delete of a missing key).
    await this.handle.close();
    try {
      await writeWhole(this.path, records.map((record) => `${JSON.stringify(record)}\n`).join(""));
      this.lines = records.length;
    } catch {
      // The old file is intact (the snapshot goes through a temporary file): keep appending to it.
    } finally {
      this.handle = await open(this.path, "a");
    }
  }
}

async function writeWhole(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path).catch(async (error: unknown) => {
    await rm(tmp, { force: true });
    throw error;
  });
}
