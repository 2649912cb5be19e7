import { afterEach, describe, expect, it } from "vitest";
import { type DatabaseBeforeMigration, databaseBeforeMigration } from "./support/before-migration.ts";
import { insertListingFixture } from "./support/fixtures.ts";

let before: DatabaseBeforeMigration | undefined;
afterEach(async () => {
  await before?.close();
  before = undefined;
});

describe("migration 0010 (listing time zones)", () => {
  it("resets zones no runtime knows to UTC and keeps real ones", async () => {
    before = await databaseBeforeMigration(10);
    const { client } = before;
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

    await before.migrateOn();
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
