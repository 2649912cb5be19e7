import { createScratchDatabase, type ScratchDatabase } from "@hometrip/db/scratch";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresSearchIndex } from "../src/index.ts";
import {
  day,
  insertBlock,
  insertBooking,
  insertHostAndGuest,
  insertListing,
  listingSpecs,
} from "./fixtures.ts";

/**
 * The Postgres adapter reads `listing_search` (migration 0007), which triggers keep in step with
 * listings, listing_occupancy and price_overrides. These tests change those tables the ways the
 * product does and check the rows against a full recompute, and what a guest's search then shows.
 */
describe("listing_search rows", () => {
  let database: ScratchDatabase;
  let client: pg.Client;
  let pool: pg.Pool;
  let hostId: string;
  let guestId: string;

  beforeAll(async () => {
    database = await createScratchDatabase({ prefix: "search_rows" });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    ({ hostId, guestId } = await insertHostAndGuest(client));
  });
  afterAll(async () => {
    await pool?.end();
    await client?.end();
    await database?.drop();
  });

  const rowsNow = async () =>
    (await client.query("select * from listing_search order by id")).rows.map((r) => JSON.stringify(r));
  const occupiedOf = async (id: string) =>
    (await client.query<{ o: string }>("select occupied::text as o from listing_search where id = $1", [id]))
      .rows[0]?.o;

  it("match a full recompute after bookings, blocks, overrides and status changes", async () => {
    const spec = listingSpecs[0]!;
    const a = await insertListing(client, hostId, spec);
    const b = await insertListing(client, hostId, { ...spec, title: "Second", status: "draft" });
    const kept = await insertBooking(client, a, guestId, day(10), day(13), "confirmed");
    const cancelled = await insertBooking(client, a, guestId, day(13), day(16), "confirmed");
    await insertBlock(client, a, day(20), day(25));
    await insertBlock(client, b, day(3), day(5));
    // Back to back stays merge into one range; cancelling one splits it again.
    expect(await occupiedOf(a)).toBe(`{[${day(10)},${day(16)}),[${day(20)},${day(25)})}`);
    await client.query("update bookings set status = 'cancelled_by_guest' where id = $1", [cancelled]);
    await client.query("update bookings set check_in = $2, check_out = $3 where id = $1", [
      kept,
      day(11),
      day(14),
    ]);
    await client.query("delete from calendar_blocks where listing_id = $1 and check_in = $2", [a, day(20)]);
    await client.query(
      `insert into price_overrides (listing_id, date, nightly_price) values ($1, $2, 20000), ($1, $3, 21000), ($1, $4, 22000)`,
      [a, day(40), day(41), day(50)],
    );
    await client.query("update price_overrides set date = $3 where listing_id = $1 and date = $2", [
      a,
      day(41),
      day(42),
    ]);
    await client.query("update price_overrides set nightly_price = 1 where listing_id = $1 and date = $2", [
      a,
      day(40),
    ]);
    await client.query("delete from price_overrides where listing_id = $1 and date = $2", [a, day(50)]);
    await client.query("update listings set status = 'published', nightly_price = 12345 where id = $1", [b]);
    await client.query("update listings set status = 'unlisted', amenities = '{pool}' where id = $1", [a]);

    const incremental = await rowsNow();
    await client.query("select listing_search_rebuild()");
    expect(await rowsNow()).toEqual(incremental);
    expect(await occupiedOf(a)).toBe(`{[${day(11)},${day(14)})}`);
    const { rows } = await client.query(
      "select id, published, nightly_price, amenities, overridden::text from listing_search where id = any($1) order by published",
      [[a, b]],
    );
    expect(rows).toEqual([
      {
        id: a,
        published: false,
        nightly_price: spec.nightly,
        amenities: ["pool"],
        overridden: `{[${day(40)},${day(41)}),[${day(42)},${day(43)})}`,
      },
      { id: b, published: true, nightly_price: 12345, amenities: spec.amenities, overridden: "{}" },
    ]);
    // Deleting a listing takes its row with it.
    await client.query("delete from calendar_blocks where listing_id = $1", [b]);
    await client.query("delete from listing_photos where listing_id = $1", [b]);
    await client.query("delete from listings where id = $1", [b]);
    expect(await occupiedOf(b)).toBeUndefined();
  });

  it("drop stays and prices that are over when recomputed, keeping what a search can still ask about", async () => {
    const id = await insertListing(client, hostId, { ...listingSpecs[0]!, title: "Long history" });
    await insertBooking(client, id, guestId, day(-60), day(-55), "confirmed");
    await insertBlock(client, id, day(-20), day(-10));
    // Ends yesterday: its last night is the day before, the earliest a search may still start on (UTC−12).
    await insertBooking(client, id, guestId, day(-4), day(-1), "confirmed");
    await insertBooking(client, id, guestId, day(5), day(8), "confirmed");
    await client.query(
      "insert into price_overrides (listing_id, date, nightly_price) values ($1, $2, 20000), ($1, $3, 21000), ($1, $4, 22000)",
      [id, day(-30), day(-2), day(3)],
    );
    // The triggers add every change exactly, past ones included...
    expect(await occupiedOf(id)).toBe(
      `{[${day(-60)},${day(-55)}),[${day(-20)},${day(-10)}),[${day(-4)},${day(-1)}),[${day(5)},${day(8)})}`,
    );
    // ...and a recompute (search:reindex) keeps only what reaches the day before yesterday or later.
    await client.query("select listing_search_rebuild()");
    expect(await occupiedOf(id)).toBe(`{[${day(-4)},${day(-1)}),[${day(5)},${day(8)})}`);
    const { rows } = await client.query<{ o: string }>(
      "select overridden::text as o from listing_search where id = $1",
      [id],
    );
    expect(rows[0]?.o).toBe(`{[${day(-2)},${day(-1)}),[${day(3)},${day(4)})}`);
  });

  it("keep both of two bookings made at the same time in different transactions", async () => {
    const id = await insertListing(client, hostId, { ...listingSpecs[0]!, title: "Busy" });
    const first = await pool.connect();
    const second = await pool.connect();
    try {
      await first.query("begin");
      await second.query("begin");
      await insertBooking(first as unknown as pg.Client, id, guestId, day(60), day(62), "confirmed");
      // The second transaction's trigger waits for the first's row lock, then adds to what it committed.
      const waiting = insertBooking(
        second as unknown as pg.Client,
        id,
        guestId,
        day(70),
        day(72),
        "confirmed",
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      await first.query("commit");
      await waiting;
      await second.query("commit");
    } finally {
      first.release();
      second.release();
    }
    expect(await occupiedOf(id)).toBe(`{[${day(60)},${day(62)}),[${day(70)},${day(72)})}`);
  });

  it("honour a block added while a listing was unlisted once it is published again", async () => {
    const id = await insertListing(client, hostId, {
      ...listingSpecs[0]!,
      title: "Seasonal cottage",
      lat: 10.5,
      lng: 10.5,
    });
    const index = createPostgresSearchIndex(pool);
    const stay = {
      checkIn: day(90),
      checkOut: day(93),
      bounds: { north: 11, south: 10, east: 11, west: 10 },
    };
    expect((await index.search(stay)).hits.map((h) => h.id)).toEqual([id]);
    await client.query("update listings set status = 'unlisted' where id = $1", [id]);
    expect((await index.search(stay)).hits).toEqual([]);
    await insertBlock(client, id, day(91), day(92));
    await client.query("update listings set status = 'published' where id = $1", [id]);
    expect((await index.search(stay)).hits).toEqual([]);
    expect(
      (await index.search({ ...stay, checkIn: day(92), checkOut: day(95) })).hits.map((h) => h.id),
    ).toEqual([id]);
  });
});
