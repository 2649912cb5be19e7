import { createScratchDatabase, type ScratchDatabase } from "@hometrip/db/scratch";
import { seed } from "@hometrip/db/seed";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { growBenchCatalogue } from "../src/bench/grow.ts";

/**
 * `bench:search --listings 1000000` grows the seeded catalogue on the server; what search reads of
 * a copy (its `listing_search` row, cover photo and rating) must be what its seeded listing has
 * from yesterday on, and a run that stopped part-way must resume without writing a copy twice.
 */
describe("growBenchCatalogue", () => {
  let database: ScratchDatabase;
  let client: pg.Client;
  const log = () => {};

  beforeAll(async () => {
    database = await createScratchDatabase({ prefix: "search_grow" });
    await seed({ databaseUrl: database.url, seed: 7, listings: 40 });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  const count = async (sql: string) => (await client.query<{ n: number }>(sql)).rows[0]!.n;

  it("adds copies in batches up to the target and resumes from where it stopped", async () => {
    await growBenchCatalogue({ databaseUrl: database.url, listings: 100, batch: 25, log });
    expect(await count("select count(*)::int as n from listings")).toBe(100);
    expect(await count("select count(*)::int as n from bench_listing_copies")).toBe(60);
    expect(await count("select count(*)::int as n from listing_search")).toBe(100);

    await growBenchCatalogue({ databaseUrl: database.url, listings: 130, batch: 25, log });
    await growBenchCatalogue({ databaseUrl: database.url, listings: 130, batch: 25, log });
    expect(await count("select count(*)::int as n from listings")).toBe(130);
    // 90 copies of 40 listings: each copied twice or three times, none more.
    const { rows } = await client.query<{ copies: number; sources: number }>(
      `select copies, count(*)::int as sources from
         (select source_id, count(*)::int as copies from bench_listing_copies group by source_id) c
       group by copies order by copies`,
    );
    expect(rows).toEqual([
      { copies: 2, sources: 30 },
      { copies: 3, sources: 10 },
    ]);
  });

  it("gives each copy its source's search row near its place, calendar from yesterday on, cover and rating", async () => {
    const { rows } = await client.query<{
      published: boolean;
      sameRow: boolean;
      sameCalendar: boolean;
      dLatM: number;
      dLngM: number;
      sameCover: boolean;
      sameRating: boolean;
    }>(
      `select s.published = o.published as published,
         (s.property_type, s.amenities, s.nightly_price, s.weekend_price, s.cleaning_fee, s.currency,
          s.min_nights, s.max_nights, s.capacity, s.bedrooms, s.instant_book)
           is not distinct from (o.property_type, o.amenities, o.nightly_price, o.weekend_price, o.cleaning_fee, o.currency,
              o.min_nights, o.max_nights, o.capacity, o.bedrooms, o.instant_book) as "sameRow",
         s.occupied * datemultirange(daterange(current_date - 1, null))
           = o.occupied * datemultirange(daterange(current_date - 1, null))
         and s.overridden * datemultirange(daterange(current_date - 1, null))
           = o.overridden * datemultirange(daterange(current_date - 1, null)) as "sameCalendar",
         abs(s.lat - o.lat) * 111320 as "dLatM",
         abs(s.lng - o.lng) * 111320 * cos(radians(o.lat)) as "dLngM",
         (select url from listing_photos where listing_id = c.id order by position limit 1)
           is not distinct from (select url from listing_photos where listing_id = c.source_id order by position limit 1)
           as "sameCover",
         (select (rating_count, rating_avg) from listing_ratings where listing_id = c.id)
           is not distinct from (select (rating_count, rating_avg) from listing_ratings where listing_id = c.source_id)
           as "sameRating"
       from bench_listing_copies c
       join listing_search s on s.id = c.id
       join listing_search o on o.id = c.source_id`,
    );
    expect(rows.length).toBe(90);
    for (const row of rows) {
      expect(row).toMatchObject({
        published: true,
        sameRow: true,
        sameCalendar: true,
        sameCover: true,
        sameRating: true,
      });
      expect(row.dLatM).toBeLessThanOrEqual(501);
      expect(row.dLngM).toBeLessThanOrEqual(501);
    }
    // Each copied block occupies its nights (a booking over them would be refused), and the seed
    // books its listings ahead, so copies carry occupied nights to check against.
    expect(
      await count(`select count(*)::int as n from calendar_blocks b join bench_listing_copies c on c.id = b.listing_id
        where not exists (select 1 from listing_occupancy o where o.calendar_block_id = b.id
          and (o.listing_id, o.check_in, o.check_out) = (b.listing_id, b.check_in, b.check_out))`),
    ).toBe(0);
    expect(
      await count(`select count(*)::int as n from bench_listing_copies c join listing_search s on s.id = c.id
        where not isempty(s.occupied * datemultirange(daterange(current_date, null)))`),
    ).toBeGreaterThan(0);
  });
});
