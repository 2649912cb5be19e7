import pg from "pg";
import * as schema from "../schema/index.ts";
import { seedCities } from "./cities.ts";
import { at, epochDayAt, isoDay } from "./dates.ts";
import {
  type Conversations,
  generateConversations,
  generateDemoInquiries,
} from "./generate-conversations.ts";
import {
  generateBlock,
  generateListing,
  generatePhotos,
  generatePriceOverrides,
} from "./generate-listings.ts";
import { generateStays, type Stays } from "./generate-stays.ts";
import { demoAccounts, generateUsers } from "./generate-users.ts";
import { insertBatched } from "./insert.ts";
import { createRng } from "./prng.ts";

export { demoAccounts, PLACEHOLDER_PASSWORD_HASH } from "./generate-users.ts";
export { encodePng } from "./photos/png.ts";
export { allDemoPhotos, type DemoPhoto, renderDemoPhoto } from "./photos/pool.ts";

export interface SeedOptions {
  databaseUrl: string;
  seed: number;
  listings: number;
  onProgress?: (done: number, total: number, stage: string) => void;
  /** Wipe every table first instead of refusing to seed a database that has data. */
  reset?: boolean;
  /** Anchor for "today": past stays end before it, upcoming ones start after it. Default: now. */
  now?: Date;
}

export interface SeedSummary {
  /** True when the database already had users and nothing was written. */
  skipped: boolean;
  reason?: string;
  seed: number;
  today: string;
  counts: Record<string, number>;
  durationMs: number;
  demoAccounts: string[];
}

const LISTINGS_PER_CHUNK = 500;
const SEED_LOCK_KEY = 7_314_159_266;

/**
 * Writes deterministic demo data: the same seed, listing count and `now` day always produce
 * the same rows (ids included). Everything happens in one transaction, so a failed or
 * interrupted seed leaves the database as it was.
 */
export async function seed(opts: SeedOptions): Promise<SeedSummary> {
  if (!Number.isInteger(opts.listings) || opts.listings < 1) {
    throw new Error(`listings must be a positive integer, got ${opts.listings}`);
  }
  const started = Date.now();
  const today = epochDayAt(opts.now ?? new Date());
  const summary = (counts: Record<string, number>, skipped: boolean, reason?: string): SeedSummary => ({
    skipped,
    ...(reason ? { reason } : {}),
    seed: opts.seed,
    today: isoDay(today),
    counts,
    durationMs: Date.now() - started,
    demoAccounts: Object.values(demoAccounts).map((a) => a.email),
  });

  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    await client.query("begin");
    await client.query("select pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
    if (opts.reset) await truncateAll(client);
    else {
      const { rows } = await client.query<{ users: number; listings: number }>(
        "select (select count(*)::int from users) as users, (select count(*)::int from listings) as listings",
      );
      const existing = rows[0];
      if (existing && existing.users > 0) {
        await client.query("rollback");
        return summary(
          existing,
          true,
          `database already has data (${existing.users} users, ${existing.listings} listings); use --reset to wipe and reseed`,
        );
      }
    }
    // Losing the last commit on a crash is harmless here; skipping the WAL flush is faster.
    await client.query("set local synchronous_commit = off");
    const counts = await writeAll(client, opts, today);
    await client.query("commit");
    // Every booking, block and override the seed wrote moved its listing_search row (one
    // transaction: nothing could be pruned), so the rows sit scattered over ten times the pages
    // they need. A map viewport reads them by page: rewrite the table in map order (migration 0008).
    opts.onProgress?.(0, 1, "cluster");
    await client.query("cluster listing_search");
    opts.onProgress?.(1, 1, "cluster");
    opts.onProgress?.(0, 1, "analyze");
    await client.query("analyze");
    opts.onProgress?.(1, 1, "analyze");
    return summary(counts, false);
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function writeAll(db: pg.Client, opts: SeedOptions, today: number): Promise<Record<string, number>> {
  const rng = createRng(opts.seed);
  const progress = opts.onProgress ?? (() => {});
  const total = opts.listings;
  const people = generateUsers(rng, today, {
    hosts: Math.max(1, Math.ceil(total / 3)),
    guests: Math.max(10, total),
  });
  progress(0, people.users.length, "users");
  await insertBatched(db, schema.users, people.users);
  await insertBatched(db, schema.credentials, people.credentials);
  await insertBatched(db, schema.hostProfiles, people.hostProfiles);
  await insertBatched(db, schema.notifications, people.notifications);
  progress(people.users.length, people.users.length, "users");

  const counts: Record<string, number> = {
    users: people.users.length,
    hosts: people.hostIds.length,
    guests: people.guestIds.length,
    listings: 0,
    photos: 0,
    priceOverrides: 0,
    calendarBlocks: 0,
    bookings: 0,
    payments: 0,
    refunds: 0,
    payouts: 0,
    reviews: 0,
    conversations: 0,
    messages: 0,
  };
  const endOfToday = at(today, 1439);
  progress(0, total, "listings");
  for (let first = 0; first < total; first += LISTINGS_PER_CHUNK) {
    const chunk = {
      listings: [] as schema.NewListing[],
      photos: [] as schema.NewListingPhoto[],
      overrides: [] as schema.NewPriceOverride[],
      blocks: [] as schema.NewCalendarBlock[],
      stays: { bookings: [], payments: [], refunds: [], payouts: [], reviews: [] } as Stays,
      talk: { conversations: [], participants: [], messages: [] } as Conversations,
    };
    for (let i = first; i < Math.min(total, first + LISTINGS_PER_CHUNK); i++) {
      const city = rng.pick(seedCities);
      const hostId = i < 5 ? people.demoHostId : pickHost(rng.next(), people.hostIds);
      const listing = generateListing(rng, today, city, hostId);
      chunk.listings.push(listing);
      chunk.photos.push(...generatePhotos(rng, listing));
      chunk.overrides.push(...generatePriceOverrides(rng, today, listing));
      const block = generateBlock(rng, today, listing);
      if (block) chunk.blocks.push(block);
      const featuredGuestId = i < 400 && i % 37 === 3 ? people.demoGuestId : null;
      const stays = generateStays(rng, today, listing, city, { guestIds: people.guestIds, featuredGuestId });
      for (const key of Object.keys(stays) as (keyof Stays)[]) {
        (chunk.stays[key] as unknown[]).push(...stays[key]);
      }
      generateConversations(rng, hostId, stays.bookings, featuredGuestId, endOfToday, chunk.talk);
    }
    if (first === 0 && people.demoGuestId) {
      const demoHostListings = chunk.listings
        .slice(0, 5)
        .map((l) => ({ id: l.id as string, hostId: l.hostId }));
      generateDemoInquiries(opts.seed, demoHostListings.slice(1), people.demoGuestId, endOfToday, chunk.talk);
    }
    await insertBatched(db, schema.listings, chunk.listings);
    await insertBatched(db, schema.listingPhotos, chunk.photos);
    await insertBatched(db, schema.priceOverrides, chunk.overrides);
    await insertBatched(db, schema.calendarBlocks, chunk.blocks);
    await insertBatched(db, schema.bookings, chunk.stays.bookings);
    await insertBatched(db, schema.payments, chunk.stays.payments);
    await insertBatched(db, schema.refunds, chunk.stays.refunds);
    await insertBatched(db, schema.payouts, chunk.stays.payouts);
    await insertBatched(db, schema.reviews, chunk.stays.reviews);
    await insertBatched(db, schema.conversations, chunk.talk.conversations);
    await insertBatched(db, schema.conversationParticipants, chunk.talk.participants);
    await insertBatched(db, schema.messages, chunk.talk.messages);
    counts.listings = (counts.listings ?? 0) + chunk.listings.length;
    const add = (key: string, n: number) => {
      counts[key] = (counts[key] ?? 0) + n;
    };
    add("photos", chunk.photos.length);
    add("priceOverrides", chunk.overrides.length);
    add("calendarBlocks", chunk.blocks.length);
    for (const key of Object.keys(chunk.stays) as (keyof Stays)[]) add(key, chunk.stays[key].length);
    add("conversations", chunk.talk.conversations.length);
    add("messages", chunk.talk.messages.length);
    progress(counts.listings, total, "listings");
  }
  return counts;
}

/** The demo host owns exactly the first five listings; squaring skews the rest toward a few busy hosts. */
function pickHost(roll: number, hostIds: readonly string[]): string {
  const others = hostIds.length - 1;
  return (others > 0 ? hostIds[1 + Math.floor(roll ** 2 * others)] : hostIds[0]) as string;
}

async function truncateAll(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    "select quote_ident(tablename) as name from pg_tables where schemaname = 'public'",
  );
  if (rows.length === 0) return;
  await client.query(`truncate ${rows.map((r) => r.name).join(", ")} restart identity cascade`);
}
