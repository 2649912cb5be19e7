import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
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

const bun = process.env.npm_execpath?.match(/bun(\.exe)?$/) ? process.env.npm_execpath : "bun";
const packageDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * A map viewport reads its `listing_search` rows page by page, so how many pages hold them is what
 * a search costs (migration 0008). These tests check the two things that keep that number low: rows
 * stay on their page when bookings, blocks and prices change them, and `bun run search:reindex`
 * puts neighbours on the map onto the same pages.
 */
describe("listing_search storage", () => {
  let database: ScratchDatabase;
  let client: pg.Client;
  let hostId: string;
  let guestId: string;

  const lisbon = { lat: 38.71, lng: -9.14 };
  const tokyo = { lat: 35.68, lng: 139.76 };
  const perCity = 150;

  beforeAll(async () => {
    database = await createScratchDatabase({ prefix: "search_storage" });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    ({ hostId, guestId } = await insertHostAndGuest(client));
    // Listed in turn, one in Lisbon then one in Tokyo, as hosts around the world would list them.
    const spec = listingSpecs[0]!;
    for (let i = 0; i < perCity; i++) {
      for (const [name, at] of [
        ["Lisbon", lisbon],
        ["Tokyo", tokyo],
      ] as const) {
        await insertListing(client, hostId, {
          ...spec,
          title: `${name} home ${i}`,
          city: name,
          lat: at.lat + (i % 10) * 0.001,
          lng: at.lng + Math.floor(i / 10) * 0.001,
        });
      }
    }
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  /** The heap pages holding the rows of listings in `city`. */
  const pagesOf = async (city: string) =>
    new Set(
      (
        await client.query<{ page: string }>(
          `select (s.ctid::text::point)[0]::text as page from listing_search s join listings l on l.id = s.id
           where l.city = $1`,
          [city],
        )
      ).rows.map((r) => r.page),
    );
  const pageOfListing = async (id: string) =>
    (
      await client.query<{ page: string }>(
        "select (ctid::text::point)[0]::text as page from listing_search where id = $1",
        [id],
      )
    ).rows[0]?.page;

  it("bun run search:reindex puts listings that are near each other on the map onto the same pages", async () => {
    // Inserted in turn, the two cities share every page.
    const lisbonBefore = await pagesOf("Lisbon");
    const tokyoBefore = await pagesOf("Tokyo");
    expect([...lisbonBefore].filter((page) => tokyoBefore.has(page)).length).toBeGreaterThan(1);

    const run = await runReindex(database.url);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("listing_search rewritten in map order");

    const lisbonAfter = await pagesOf("Lisbon");
    const tokyoAfter = await pagesOf("Tokyo");
    // At most the one page where the two cities meet in map order is shared.
    expect([...lisbonAfter].filter((page) => tokyoAfter.has(page)).length).toBeLessThanOrEqual(1);
    expect(lisbonAfter.size).toBeLessThan(lisbonBefore.size);
    // And the search still finds every Lisbon home free on those dates.
    const index = createPostgresSearchIndex(client as unknown as pg.Pool);
    const found = await index.search({
      checkIn: day(30),
      checkOut: day(33),
      bounds: { north: 38.8, south: 38.6, east: -9, west: -9.3 },
      limit: 50,
    });
    expect(found.hits).toHaveLength(50);
    expect(found.hits.every((hit) => hit.city === "Lisbon")).toBe(true);
  }, 120_000);

  it("a listing's row stays on its page as bookings, blocks and prices change it", async () => {
    // Rows packed as search:reindex leaves them; one in the middle of a full page (without room
    // left on each page, its first update would move it).
    await client.query("cluster listing_search");
    const { rows } = await client.query<{ id: string }>(
      `select s.id from listing_search s join listings l on l.id = s.id where l.city = 'Tokyo'
       order by s.ctid offset 40 limit 1`,
    );
    const id = rows[0]!.id;
    const page = await pageOfListing(id);
    const { rows: neighbours } = await client.query<{ n: number }>(
      "select count(*)::int as n from listing_search where (ctid::text::point)[0]::text = $1",
      [page],
    );
    expect(neighbours[0]!.n).toBeGreaterThan(10);

    for (let week = 0; week < 12; week++) {
      const booking = await insertBooking(
        client,
        id,
        guestId,
        day(40 + week * 7),
        day(42 + week * 7),
        "confirmed",
      );
      await insertBlock(client, id, day(43 + week * 7), day(44 + week * 7));
      await client.query(
        "insert into price_overrides (listing_id, date, nightly_price) values ($1, $2, 25000)",
        [id, day(45 + week * 7)],
      );
      if (week % 3 === 0)
        await client.query("update bookings set status = 'cancelled_by_guest' where id = $1", [booking]);
    }
    expect(await pageOfListing(id)).toBe(page);
    const { rows: row } = await client.query<{ occupied: string }>(
      "select occupied::text as occupied from listing_search where id = $1",
      [id],
    );
    // 8 bookings kept, 12 blocks: 20 separate ranges.
    expect(row[0]!.occupied.match(/\[/g)).toHaveLength(20);
  }, 60_000);
});

async function runReindex(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(bun, ["src/cli/reindex.ts"], {
    cwd: packageDir,
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { code, output };
}
