import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allDemoPhotos, type SeedSummary, seed } from "../src/seed/index.ts";
import { connect, createScratchDatabase, type ScratchDatabase } from "./support/scratch-database.ts";

const now = new Date("2026-06-15T08:30:00Z");
const seededTables = [
  "users",
  "credentials",
  "host_profiles",
  "notifications",
  "listings",
  "listing_photos",
  "price_overrides",
  "calendar_blocks",
  "bookings",
  "payments",
  "refunds",
  "payouts",
  "reviews",
  "conversations",
  "conversation_participants",
  "messages",
];

let database: ScratchDatabase;
let client: pg.Client;
beforeAll(async () => {
  database = await createScratchDatabase();
  client = await connect(database.url);
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

/** One hash over every row of every seeded table, independent of physical order. */
async function digest(): Promise<string> {
  const parts: string[] = [];
  for (const table of seededTables) {
    const { rows } = await client.query<{ h: string | null }>(
      `select md5(string_agg(t::text, '|' order by t::text)) as h from ${table} t`,
    );
    parts.push(`${table}:${rows[0]?.h}`);
  }
  return parts.join(",");
}

const one = async <T>(text: string, values: unknown[] = []): Promise<T> =>
  (await client.query(text, values)).rows[0] as T;

describe("seed()", () => {
  let first: SeedSummary;

  it("writes the requested number of listings with hosts, guests, stays and reviews", async () => {
    first = await seed({ databaseUrl: database.url, seed: 7, listings: 60, now });
    expect(first.skipped).toBe(false);
    expect(first.today).toBe("2026-06-15");
    expect(first.counts.listings).toBe(60);
    for (const [table, key] of [
      ["listings", "listings"],
      ["bookings", "bookings"],
      ["reviews", "reviews"],
      ["users", "users"],
      ["messages", "messages"],
    ] as const) {
      const { n } = await one<{ n: number }>(`select count(*)::int as n from ${table}`);
      expect(n, table).toBe(first.counts[key]);
    }
    expect(first.counts.bookings).toBeGreaterThan(60);
    expect(first.counts.reviews).toBeGreaterThan(20);
    const { cities } = await one<{ cities: number }>(
      "select count(distinct city)::int as cities from listings",
    );
    expect(cities).toBeGreaterThanOrEqual(6);
  });

  it("gives every listing five or more photos from the shared pool, as the API serves uploads", async () => {
    const photos = await one<{ fewest: number; outside: number; keys: number; captions: string[] }>(
      `select
         (select min(n)::int from (select count(p.id) as n from listings l
            left join listing_photos p on p.listing_id = l.id group by l.id) c) as fewest,
         (select count(*)::int from listing_photos where url !~ '^/listing-photos/[A-Za-z0-9_-]{32}$'
            or object_key is not null) as outside,
         (select count(distinct url)::int from listing_photos) as keys,
         (select array_agg(distinct caption order by caption) from listing_photos) as captions`,
    );
    expect(photos.fewest).toBeGreaterThanOrEqual(5);
    expect(photos.outside).toBe(0);
    expect(photos.keys).toBeGreaterThan(30);
    expect(photos.keys).toBeLessThanOrEqual(allDemoPhotos().length);
    expect(photos.captions).toEqual(["Bathroom", "Bedroom", "Kitchen", "Living room", "Outside", "View"]);
  });

  it("publishes instant-book listings only for hosts who can be paid, as listings.publish requires", async () => {
    const ib = await one<{ instant: number; unpaid: number }>(
      `select count(*)::int as instant,
              count(*) filter (where not coalesce(h.payouts_enabled, false))::int as unpaid
         from listings l left join host_profiles h on h.user_id = l.host_id
        where l.instant_book and l.status = 'published'`,
    );
    expect(ib.instant).toBeGreaterThan(0);
    expect(ib.unpaid).toBe(0);
  });

  it("makes stays that respect the calendar rules and the fixed clock", async () => {
    const today = "2026-06-15";
    const timeline = await one<{ past: number; future: number; badReviews: number; draftBookings: number }>(
      `select
         (select count(*)::int from bookings where check_out <= $1) as past,
         (select count(*)::int from bookings where check_in > $1) as future,
         (select count(*)::int from reviews r join bookings b on b.id = r.booking_id
            where b.status <> 'completed' or b.check_out > $1 or r.created_at::date > $1) as "badReviews",
         (select count(*)::int from bookings b join listings l on l.id = b.listing_id where l.status = 'draft')
           as "draftBookings"`,
      [today],
    );
    expect(timeline.past).toBeGreaterThan(0);
    expect(timeline.future).toBeGreaterThan(0);
    expect(timeline.badReviews).toBe(0);
    expect(timeline.draftBookings).toBe(0);
    const occupancy = await one<{ expected: number; actual: number }>(
      `select (select count(*)::int from bookings where status in ('pending_payment', 'requested', 'confirmed'))
            + (select count(*)::int from calendar_blocks) as expected,
              (select count(*)::int from listing_occupancy) as actual`,
    );
    expect(occupancy.actual).toBe(occupancy.expected);
  });

  it("creates the documented demo accounts, which cannot sign in yet", async () => {
    const demo = await one<{
      hostListings: number;
      guestPast: number;
      guestFuture: number;
      hashes: string[];
    }>(
      `select
         (select count(*)::int from listings l join users u on u.id = l.host_id where u.email = 'host@hometrip.test')
           as "hostListings",
         (select count(*)::int from bookings b join users u on u.id = b.guest_id
            where u.email = 'guest@hometrip.test' and b.check_out <= '2026-06-15') as "guestPast",
         (select count(*)::int from bookings b join users u on u.id = b.guest_id
            where u.email = 'guest@hometrip.test' and b.check_in > '2026-06-15') as "guestFuture",
         (select array_agg(distinct password_hash) from credentials) as hashes`,
    );
    expect(first.demoAccounts).toEqual(["host@hometrip.test", "guest@hometrip.test", "admin@hometrip.test"]);
    expect(demo.hostListings).toBe(5);
    expect(demo.guestPast).toBeGreaterThan(0);
    expect(demo.guestFuture).toBeGreaterThan(0);
    expect(demo.hashes).toEqual(["!placeholder:login-disabled-until-auth"]);
  });

  it("leaves an already-seeded database alone and says so", async () => {
    const before = await digest();
    const again = await seed({ databaseUrl: database.url, seed: 99, listings: 5, now });
    expect(again.skipped).toBe(true);
    expect(again.reason).toMatch(/already has data.*--reset/);
    expect(await digest()).toBe(before);
  });

  it("is deterministic: the same seed gives identical rows, another seed different ones", async () => {
    const original = await digest();
    await seed({ databaseUrl: database.url, seed: 8, listings: 60, now, reset: true });
    const other = await digest();
    const reseeded = await seed({ databaseUrl: database.url, seed: 7, listings: 60, now, reset: true });
    expect(await digest()).toBe(original);
    expect(other).not.toBe(original);
    expect(reseeded.counts).toEqual(first.counts);
  });

  it("reports progress up to completion", async () => {
    const seen: string[] = [];
    await seed({
      databaseUrl: database.url,
      seed: 1,
      listings: 3,
      now,
      reset: true,
      onProgress: (done, total, stage) => seen.push(`${stage} ${done}/${total}`),
    });
    expect(seen).toContain("listings 3/3");
    expect(seen.at(-1)).toBe("analyze 1/1");
  });
});
