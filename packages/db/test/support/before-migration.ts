import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type pg from "pg";
import { migrate } from "../../src/migrate.ts";
import { migrationsFolder } from "../../src/paths.ts";
import { connect, createScratchDatabase } from "./scratch-database.ts";

/** A database as it stood before one migration, with a client on it. */
export type DatabaseBeforeMigration = {
  client: pg.Client;
  /** Applies every migration from the one held back on, as the next deploy would. */
  migrateOn(): Promise<void>;
  /** Ends the client, drops the database and the cut migrations folder; safe to call twice. */
  close(): Promise<void>;
};

/**
 * The harness of a data migration's test: a scratch database migrated up to, not including,
 * migration `index` (the repository's migrations with the journal cut before it), so a test inserts
 * rows in the shape they had then, calls `migrateOn()`, and checks what the migration made of them.
 */
export async function databaseBeforeMigration(index: number): Promise<DatabaseBeforeMigration> {
  const folder = migrationsBefore(index);
  const database = await createScratchDatabase({ prefix: `before_${index}`, migrated: false }).catch(
    (error) => {
      rmSync(folder, { recursive: true, force: true });
      throw error;
    },
  );
  let client: pg.Client | undefined;
  const close = async () => {
    await client?.end().catch(() => {});
    client = undefined;
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await migrate(database.url, { migrationsFolder: folder });
    client = await connect(database.url);
  } catch (error) {
    await close();
    throw error;
  }
  return { client, migrateOn: () => migrate(database.url), close };
}

function migrationsBefore(index: number): string {
  const folder = mkdtempSync(join(tmpdir(), "hometrip-migrations-"));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx < index);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}
