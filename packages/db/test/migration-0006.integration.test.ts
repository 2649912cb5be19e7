import type pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { type DatabaseBeforeMigration, databaseBeforeMigration } from "./support/before-migration.ts";
import { insertListingFixture } from "./support/fixtures.ts";
import {
  connect,
  createScratchDatabase,
  type ScratchDatabase,
  sqlState,
} from "./support/scratch-database.ts";

let before: DatabaseBeforeMigration | undefined;
let database: ScratchDatabase | undefined;
let client: pg.Client | undefined;
afterEach(async () => {
  await before?.close();
  await client?.end();
  await database?.drop();
  before = client = database = undefined;
});

const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, sqlState);

describe("migration 0006 (pricing, photo object keys, iCal imports)", () => {
  it("backfills uploaded photos' object keys from their URLs and leaves external photos without one", async () => {
    before = await databaseBeforeMigration(6);
    const { client } = before;
    const { listingId } = await insertListingFixture(client);
    await client.query(
      `insert into listing_photos (listing_id, url, width, height, position) values
         ($1, '/listing-photos/listings/abc/1.jpg', 800, 600, 0),
         ($1, 'https://photos.hometrip.test/demo/house/3.jpg', 800, 600, 1)`,
      [listingId],
    );

    await before.migrateOn();
    const { rows } = await client.query(
      "select url, object_key from listing_photos where listing_id = $1 order by position",
      [listingId],
    );
    expect(rows).toEqual([
      { url: "/listing-photos/listings/abc/1.jpg", object_key: "listings/abc/1.jpg" },
      { url: "https://photos.hometrip.test/demo/house/3.jpg", object_key: null },
    ]);
    const { rows: listing } = await client.query(
      `select weekend_price, weekly_discount_percent, monthly_discount_percent from listings where id = $1`,
      [listingId],
    );
    expect(listing).toEqual([
      { weekend_price: null, weekly_discount_percent: 0, monthly_discount_percent: 0 },
    ]);
  });

  it("keeps discounts within 0–90 %, weekend prices non-negative and one import per feed URL", async () => {
    database = await createScratchDatabase();
    client = await connect(database.url);
    const { listingId } = await insertListingFixture(client);
    const set = (assignment: string) =>
      client!.query(`update listings set ${assignment} where id = $1`, [listingId]);
    expect(await rejection(set("weekly_discount_percent = 91"))).toBe("23514");
    expect(await rejection(set("monthly_discount_percent = -1"))).toBe("23514");
    expect(await rejection(set("weekend_price = -1"))).toBe("23514");
    await set("weekend_price = 15000, weekly_discount_percent = 10, monthly_discount_percent = 90");

    const addImport = () =>
      client!.query("insert into ical_imports (listing_id, url) values ($1, 'https://example.test/a.ics')", [
        listingId,
      ]);
    await addImport();
    expect(await rejection(addImport())).toBe("23505");
    await client.query("delete from listings where id = $1", [listingId]);
    const { rows } = await client.query("select count(*)::int as n from ical_imports");
    expect(rows).toEqual([{ n: 0 }]);
  });
});
