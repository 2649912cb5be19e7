import { readdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { migrate } from "../src/migrate.ts";
import { migrationsFolder } from "../src/paths.ts";
import { connect, createScratchDatabase, type ScratchDatabase } from "./support/scratch-database.ts";

const migrationFiles = readdirSync(migrationsFolder).filter((f) => f.endsWith(".sql"));
let database: ScratchDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function schemaFingerprint(url: string) {
  const client = await connect(url);
  try {
    const { rows } = await client.query(
      `select (select count(*)::int from drizzle.__drizzle_migrations) as migrations,
              (select count(*)::int from pg_tables where schemaname = 'public') as tables,
              (select count(*)::int from pg_indexes where schemaname = 'public') as indexes,
              (select count(*)::int from pg_constraint where contype = 'x') as exclusions,
              (select count(*)::int from pg_trigger where not tgisinternal) as triggers`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

describe("migrate()", () => {
  it("applies every migration to an empty database, and a re-run changes nothing", async () => {
    database = await createScratchDatabase({ migrated: false });
    const lines: string[] = [];
    await migrate(database.url, { log: (l) => lines.push(l) });
    const first = await schemaFingerprint(database.url);
    expect(first).toMatchObject({ migrations: migrationFiles.length, exclusions: 1 });
    expect(first?.tables).toBeGreaterThanOrEqual(22);
    // Four keep listing_occupancy in step; later migrations add their own (search ratings, vocabulary).
    expect(first?.triggers).toBeGreaterThanOrEqual(4);

    await migrate(database.url, { log: (l) => lines.push(l) });
    expect(await schemaFingerprint(database.url)).toEqual(first);
    expect(lines).toEqual([
      `migrations: applied ${migrationFiles.length} (total ${migrationFiles.length})`,
      "migrations: up to date",
    ]);
  });

  it("serialises concurrent runs so both succeed and each migration is applied once", async () => {
    database = await createScratchDatabase({ migrated: false });
    const url = database.url;
    await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(await schemaFingerprint(url)).toMatchObject({ migrations: migrationFiles.length });
  });

  it("installs the extensions before anything that needs them", async () => {
    database = await createScratchDatabase();
    const client = await connect(database.url);
    try {
      const { rows } = await client.query<{ extname: string }>(
        "select extname from pg_extension where extname in ('btree_gist', 'pg_trgm') order by 1",
      );
      expect(rows.map((r) => r.extname)).toEqual(["btree_gist", "pg_trgm"]);
      expect(migrationFiles[0]).toMatch(/extensions/);
    } finally {
      await client.end();
    }
  });
});
