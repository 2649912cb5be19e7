import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { zSearchQuery } from "@hometrip/contracts";
import type { EventPublisher } from "@hometrip/core";
import { type Logger, renderIcalFeed } from "@hometrip/core";
import { calendarBlocks, type Database } from "@hometrip/db";
import { cachedSearch, createPostgresSearchIndex, type SearchIndex } from "@hometrip/search";
import { createTunnelledDatabase } from "@hometrip/testkit";
import { Receiver } from "@upstash/qstash";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkerApp } from "../src/app.ts";
import { startTestRedis, type TestRedis } from "./support/redis.ts";
import { signDelivery, signingKeys } from "./support/signing.ts";

const origin = "http://workers.test";
let db: Database;
let index: SearchIndex;
let cache: TestRedis;
let close: () => Promise<void>;
let feedServer: Server;
let feedUrl: string;
let feedBody = "";
const warnings: string[] = [];
const log: Logger = { info: () => {}, warn: (message) => warnings.push(message), error: () => {} };
const published: { type: string; payload: unknown }[] = [];
const publisher: EventPublisher = { publish: async (envelope) => void published.push(envelope) };
const receiver = new Receiver({ currentSigningKey: signingKeys.current, nextSigningKey: signingKeys.next });

beforeAll(async () => {
  const database = await createTunnelledDatabase({ prefix: "workers_ical" });
  db = database.db;
  index = createPostgresSearchIndex(database.pool);
  cache = await startTestRedis();
  feedServer = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/calendar" });
    res.end(feedBody);
  });
  await new Promise<void>((resolve) => feedServer.listen(0, "127.0.0.1", resolve));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.ics`;
  close = async () => {
    await new Promise<void>((resolve) => feedServer.close(() => resolve()));
    await database.close();
    await cache.close();
  };
});
afterAll(async () => {
  await close?.();
});

async function runJob(listingId: string, opts: { allowPrivateNetworks?: boolean; url?: string } = {}) {
  const app = createWorkerApp({
    db,
    receiver,
    publisher,
    log,
    publicUrl: origin,
    icalFetch: { allowPrivateNetworks: opts.allowPrivateNetworks ?? true },
    searchCache: { redis: cache.redis, prefix: cache.prefix },
  });
  const body = JSON.stringify({ listingId, url: opts.url ?? feedUrl });
  const url = `${origin}/jobs/ical-import`;
  const response = await app.request(url, {
    method: "POST",
    headers: { "content-type": "application/json", "upstash-signature": signDelivery({ url, body }) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A listing; published at `at` (a spot of map no other test uses) when given. */
async function newListing(at?: { lat: number; lng: number }) {
  const users = await db.execute(sql`
    insert into users (email, display_name) values
      ('ical-host-' || gen_random_uuid() || '@x.test', 'Host'), ('ical-guest-' || gen_random_uuid() || '@x.test', 'Guest')
    returning id`);
  const [hostId, guestId] = (users.rows as { id: string }[]).map((row) => row.id);
  const listing = await db.execute(sql`
    insert into listings (host_id, title, property_type, address_line1, city, country, lat, lng, timezone,
      capacity, bedrooms, beds, baths, nightly_price, currency, status)
    values (${hostId}, 'Feed home', 'house', 'Rua 1', 'Porto', 'PT', ${at?.lat ?? 41.1}, ${at?.lng ?? -8.6}, 'UTC',
      2, 1, 1, 1, 9000, 'EUR', ${at ? "published" : "draft"})
    returning id`);
  return { listingId: (listing.rows[0] as { id: string }).id, guestId: guestId! };
}

const blocksOf = (listingId: string) =>
  db
    .select({ from: calendarBlocks.checkIn, to: calendarBlocks.checkOut, note: calendarBlocks.note })
    .from(calendarBlocks)
    .where(eq(calendarBlocks.listingId, listingId))
    .orderBy(asc(calendarBlocks.checkIn));

const feed = (events: { uid: string; from: string; to: string }[]) =>
  renderIcalFeed({
    name: "Other platform",
    now: new Date(),
    events: events.map((e) => ({ ...e, summary: "Booked" })),
  });

describe("POST /jobs/ical-import", () => {
  it("turns the feed's events into blocks, then follows the feed as it changes", async () => {
    const { listingId } = await newListing();
    feedBody = feed([
      { uid: "a@other", from: "2027-02-01", to: "2027-02-04" },
      { uid: "b@other", from: "2027-02-10", to: "2027-02-12" },
    ]);
    const first = await runJob(listingId);
    expect(first).toMatchObject({ status: 200, body: { status: "imported", created: 2, removed: 0 } });
    expect((await blocksOf(listingId)).map((b) => [b.from, b.to])).toEqual([
      ["2027-02-01", "2027-02-04"],
      ["2027-02-10", "2027-02-12"],
    ]);
    expect((await blocksOf(listingId))[0]?.note).toMatch(/^\[ical:[0-9a-f]{12}\] a@other$/);

    // a@other unchanged, b@other moved, c@other new; a run with no change touches nothing.
    feedBody = feed([
      { uid: "a@other", from: "2027-02-01", to: "2027-02-04" },
      { uid: "b@other", from: "2027-02-20", to: "2027-02-22" },
      { uid: "c@other", from: "2027-03-01", to: "2027-03-02" },
    ]);
    expect((await runJob(listingId)).body).toMatchObject({ created: 2, removed: 1, unchanged: 1 });
    expect((await runJob(listingId)).body).toMatchObject({ created: 0, removed: 0, unchanged: 3 });

    feedBody = feed([{ uid: "c@other", from: "2027-03-01", to: "2027-03-02" }]);
    expect((await runJob(listingId)).body).toMatchObject({ created: 0, removed: 2, unchanged: 1 });
    expect((await blocksOf(listingId)).map((b) => b.from)).toEqual(["2027-03-01"]);

    const events = await db.execute(
      sql`select count(*)::int as n from outbox where event_type = 'listing.changed' and payload->'listingIds' ? ${listingId}`,
    );
    expect((events.rows[0] as { n: number }).n).toBe(3);
    const relayed = published.filter((e) => JSON.stringify(e.payload).includes(listingId));
    expect(relayed.map((e) => e.type)).toEqual(["listing.changed", "listing.changed", "listing.changed"]);
  });

  it("skips an event that overlaps a booking and keeps the rest", async () => {
    const { listingId, guestId } = await newListing();
    await db.execute(sql`
      insert into bookings (listing_id, guest_id, status, check_in, check_out, guests, nightly_subtotal, cleaning_fee,
        service_fee, taxes, total, currency, idempotency_key)
      values (${listingId}, ${guestId}, 'confirmed', '2027-05-10', '2027-05-15', 1, 100, 0, 0, 0, 100, 'EUR', 'k1')`);
    feedBody = feed([
      { uid: "clash@other", from: "2027-05-12", to: "2027-05-14" },
      { uid: "fine@other", from: "2027-05-15", to: "2027-05-17" },
    ]);
    warnings.length = 0;
    expect((await runJob(listingId)).body).toMatchObject({ created: 1, skipped: 1 });
    expect((await blocksOf(listingId)).map((b) => [b.from, b.to])).toEqual([["2027-05-15", "2027-05-17"]]);
    expect(warnings).toContain("ical event overlaps a booking or block; skipped");
  });

  it("leaves the blocks alone when the feed is unreadable, and refuses private addresses by default", async () => {
    const { listingId } = await newListing();
    feedBody = feed([{ uid: "x@other", from: "2027-06-01", to: "2027-06-03" }]);
    await runJob(listingId);
    feedBody = "<html>maintenance</html>";
    expect((await runJob(listingId)).body).toEqual({ status: "fetch_failed" });
    feedBody = feed([]);
    expect((await runJob(listingId, { allowPrivateNetworks: false })).body).toEqual({
      status: "fetch_failed",
    });
    expect(await blocksOf(listingId)).toHaveLength(1);
  });

  it("drops cached searches when the import took dates, and keeps them when nothing changed", async () => {
    const at = { lat: -40 + Math.random() * 80, lng: -170 + Math.random() * 340 };
    const { listingId } = await newListing(at);
    const query = zSearchQuery.parse({
      bounds: { north: at.lat + 0.01, south: at.lat - 0.01, east: at.lng + 0.01, west: at.lng - 0.01 },
      checkIn: "2027-04-10",
      checkOut: "2027-04-12",
    });
    const search = async () => {
      const { result, cache: served } = await cachedSearch(
        cache.redis,
        query,
        { ttlSeconds: 300, prefix: cache.prefix },
        () => index.search(query),
      );
      return { served, ids: result.hits.map((hit) => hit.id) };
    };
    expect(await search()).toEqual({ served: "miss", ids: [listingId] });
    expect(await search()).toEqual({ served: "hit", ids: [listingId] });

    feedBody = feed([{ uid: "april@other", from: "2027-04-11", to: "2027-04-13" }]);
    expect((await runJob(listingId)).body).toMatchObject({ status: "imported", created: 1 });
    expect(await search()).toEqual({ served: "miss", ids: [] });
    expect(await search()).toEqual({ served: "hit", ids: [] });

    // The same feed again changes no block, so the cached pages stay valid.
    expect((await runJob(listingId)).body).toMatchObject({ created: 0, removed: 0, unchanged: 1 });
    expect(await search()).toEqual({ served: "hit", ids: [] });
  });

  it("rejects an unsigned job and a job that is not one", async () => {
    const app = createWorkerApp({ db, receiver, publisher, log, publicUrl: origin });
    const url = `${origin}/jobs/ical-import`;
    const body = JSON.stringify({ listingId: "nope", url: "file:///etc/passwd" });
    expect((await app.request(url, { method: "POST", body })).status).toBe(401);
    const signed = { "upstash-signature": signDelivery({ url, body }) };
    expect((await app.request(url, { method: "POST", body, headers: signed })).status).toBe(400);
  });
});
