import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrate } from "../src/migrate.ts";
import { migrationsFolder } from "../src/paths.ts";
import { insertListingFixture } from "./support/fixtures.ts";
import { connect, createScratchDatabase, type ScratchDatabase } from "./support/scratch-database.ts";

let database: ScratchDatabase | undefined;
let client: pg.Client | undefined;
let folderBefore: string | undefined;
afterEach(async () => {
  await client?.end();
  await database?.drop();
  if (folderBefore) rmSync(folderBefore, { recursive: true, force: true });
  client = database = folderBefore = undefined;
});

/** The repository's migrations as they stood before 0010: its journal cut after 0009. */
function migrationsBefore0010(): string {
  const folder = mkdtempSync(join(tmpdir(), "hometrip-migrations-"));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx < 10);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe("migration 0010 (listing time zones)", () => {
  it("resets zones no runtime knows to UTC and keeps real ones", async () => {
    database = await createScratchDatabase({ migrated: false });
    folderBefore = migrationsBefore0010();
    await migrate(database.url, { migrationsFolder: folderBefore });
    client = await connect(database.url);
    const zones = [
      "Europe/Lisbon",
      "America/Argentina/Buenos_Aires",
      "UTC",
      "Not/AZone",
      "+05:00",
      "",
      "x\ty",
    ];
    const ids: string[] = [];
    for (const zone of zones) {
      const { listingId } = await insertListingFixture(client);
      await client.query("update listings set timezone = $2 where id = $1", [listingId, zone]);
      ids.push(listingId);
    }

    await migrate(database.url);
    const { rows } = await client.query<{ id: string; timezone: string }>(
      "select id, timezone from listings where id = any($1::uuid[])",
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row.timezone]));
    expect(ids.map((id) => byId.get(id))).toEqual([
      "Europe/Lisbon",
      "America/Argentina/Buenos_Aires",
      "UTC",
      "UTC",
      "UTC",
      "UTC",
      "UTC",
    ]);
  });
});
