import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type EventPublisher, type Logger, registerIcalImport, renderIcalFeed } from "@hometrip/core";
import { calendarBlocks, type Database, icalImports } from "@hometrip/db";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { Receiver } from "@upstash/qstash";
import { and, asc, eq, sql } from "drizzle-orm";
import { createWorkerApp, type WorkerDeps } from "../../src/app.ts";
import { signDelivery, signingKeys } from "./signing.ts";

const origin = "http://workers.test";

/**
 * What the iCal import tests share: a migrated database through the Neon tunnel, a local feed
 * server whose answer a test sets (`feed.body`; paths containing "slow" answer after 1.5 s;
 * `feed.beforeAnswer` runs while a request waits),
 * and `runJob`, which posts a signed job to a fresh workers app the way the schedule does.
 */
export interface IcalJobHarness {
  database: TunnelledDatabase;
  db: Database;
  /** `beforeAnswer`, when set, runs once a request arrives and before it is answered. */
  feed: { url: string; body: string; beforeAnswer?: () => Promise<void> };
  warnings: string[];
  published: { type: string; payload: unknown }[];
  runJob(
    listingId: string,
    opts?: { url?: string; allowPrivateNetworks?: boolean; timeoutMs?: number },
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** A host, a guest and a listing (published at `at` when given) with `feed.url` registered. */
  newListing(opts?: {
    at?: { lat: number; lng: number };
    register?: boolean;
  }): Promise<{ listingId: string; guestId: string }>;
  blocksOf(listingId: string): Promise<{ from: string; to: string; note: string | null }[]>;
  feedRow(listingId: string, url?: string): Promise<typeof icalImports.$inferSelect | undefined>;
  close(): Promise<void>;
}

export const icalFeed = (events: { uid: string; from: string; to: string }[]) =>
  renderIcalFeed({
    name: "Other platform",
    now: new Date(),
    events: events.map((e) => ({ ...e, summary: "Booked" })),
  });

export async function startIcalJobHarness(opts: {
  prefix: string;
  searchCache?: WorkerDeps["searchCache"];
}): Promise<IcalJobHarness> {
  const database = await createTunnelledDatabase({ prefix: opts.prefix });
  const { db } = database;
  const feed: IcalJobHarness["feed"] = { url: "", body: "" };
  const server = createServer(async (req, res) => {
    await feed.beforeAnswer?.();
    const answer = () => {
      res.writeHead(200, { "content-type": "text/calendar" });
      res.end(feed.body);
    };
    if (req.url?.includes("slow")) setTimeout(answer, 1500);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  feed.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.ics`;

  const warnings: string[] = [];
  const log: Logger = { info: () => {}, warn: (message) => warnings.push(message), error: () => {} };
  const published: IcalJobHarness["published"] = [];
  const publisher: EventPublisher = { publish: async (envelope) => void published.push(envelope) };
  const receiver = new Receiver({ currentSigningKey: signingKeys.current, nextSigningKey: signingKeys.next });

  return {
    database,
    db,
    feed,
    warnings,
    published,
    async runJob(listingId, job = {}) {
      const app = createWorkerApp({
        db,
        receiver,
        publisher,
        log,
        publicUrl: origin,
        icalFetch: {
          allowPrivateNetworks: job.allowPrivateNetworks ?? true,
          ...(job.timeoutMs && { timeoutMs: job.timeoutMs }),
        },
        ...(opts.searchCache && { searchCache: opts.searchCache }),
      });
      const body = JSON.stringify({ listingId, url: job.url ?? feed.url });
      const url = `${origin}/jobs/ical-import`;
      const response = await app.request(url, {
        method: "POST",
        headers: { "content-type": "application/json", "upstash-signature": signDelivery({ url, body }) },
        body,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    async newListing({ at, register = true } = {}) {
      const users = await db.execute(sql`
        insert into users (email, display_name) values
          ('ical-host-' || gen_random_uuid() || '@x.test', 'Host'), ('ical-guest-' || gen_random_uuid() || '@x.test', 'Guest')
        returning id`);
      const [hostId, guestId] = (users.rows as { id: string }[]).map((row) => row.id);
      const listing = await db.execute(sql`
        insert into listings (host_id, title, property_type, address_line1, city, country, lat, lng, timezone,
          capacity, bedrooms, beds, baths, nightly_price, currency, status)
        values (${hostId}, 'Feed home', 'house', 'Rua 1', 'Porto', 'PT', ${at?.lat ?? 41.1}, ${at?.lng ?? -8.6},
          'UTC', 2, 1, 1, 1, 9000, 'EUR', ${at ? "published" : "draft"})
        returning id`);
      const listingId = (listing.rows[0] as { id: string }).id;
      if (register) await registerIcalImport(db, { listingId, url: feed.url });
      return { listingId, guestId: guestId! };
    },
    blocksOf: (listingId) =>
      db
        .select({ from: calendarBlocks.checkIn, to: calendarBlocks.checkOut, note: calendarBlocks.note })
        .from(calendarBlocks)
        .where(eq(calendarBlocks.listingId, listingId))
        .orderBy(asc(calendarBlocks.checkIn)),
    async feedRow(listingId, url = feed.url) {
      const [row] = await db
        .select()
        .from(icalImports)
        .where(and(eq(icalImports.listingId, listingId), eq(icalImports.url, url)));
      return row;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
