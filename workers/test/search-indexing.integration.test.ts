import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { addDays, epochDay, todayIn } from "@hometrip/contracts/dates";
import { registerIcalImport, renderIcalFeed } from "@hometrip/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchIndexFromEnv } from "../src/search-index.ts";
import { type EventStack, startEventStack } from "./support/event-stack.ts";
import { signDelivery } from "./support/signing.ts";
import { waitFor } from "./support/wait.ts";

/**
 * A stand-in for a Typesense node answering the two calls the adapter makes on upsert: the JSONL
 * document import and the delete of listings that are no longer published. It keeps what it was
 * sent, so a test can read the documents as Typesense would have stored them.
 */
interface TypesenseRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  documents: Record<string, unknown>[];
}
let typesense: Server;
let typesenseUrl: string;
const received: TypesenseRequest[] = [];

let feedServer: Server;
let feedUrl: string;
let feedBody = "";
let stack: EventStack;

beforeAll(async () => {
  typesense = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      const lines = raw.split("\n").filter(Boolean);
      const documents = req.url?.includes("/documents/import") ? lines.map((l) => JSON.parse(l)) : [];
      received.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, documents });
      if (documents.length > 0) {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(documents.map(() => JSON.stringify({ success: true })).join("\n"));
      } else {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: "Not Found" }));
      }
    });
  });
  await new Promise<void>((resolve) => typesense.listen(0, "127.0.0.1", resolve));
  typesenseUrl = `http://127.0.0.1:${(typesense.address() as AddressInfo).port}`;

  feedServer = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/calendar" });
    res.end(feedBody);
  });
  await new Promise<void>((resolve) => feedServer.listen(0, "127.0.0.1", resolve));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.ics`;

  stack = await startEventStack({
    search: (pool) =>
      searchIndexFromEnv(
        {
          TYPESENSE_URL: typesenseUrl,
          TYPESENSE_API_KEY: "typesense-test-key",
          TYPESENSE_COLLECTION: "listings",
        },
        pool,
      ),
    icalFetch: { allowPrivateNetworks: true },
  });
});
afterAll(async () => {
  await stack?.close();
  await new Promise<void>((resolve) => typesense.close(() => resolve()));
  await new Promise<void>((resolve) => feedServer.close(() => resolve()));
});

/** ISO date `offset` days from today (UTC): inside the booked-days horizon whatever the date. */
const day = (offset: number) => addDays(todayIn("UTC", new Date()), offset);
const dayNumber = epochDay;

async function publishedListing(): Promise<string> {
  const host = await stack.db.execute(sql`
    insert into users (email, display_name) values ('index-host-' || gen_random_uuid() || '@x.test', 'Host')
    returning id`);
  const listing = await stack.db.execute(sql`
    insert into listings (host_id, title, property_type, address_line1, city, country, lat, lng, timezone,
      capacity, bedrooms, beds, baths, nightly_price, currency, status)
    values (${(host.rows[0] as { id: string }).id}, 'Indexed home', 'cabin', 'Rua 2', 'Braga', 'PT', 41.5, -8.4,
      'UTC', 3, 1, 2, 1, 7000, 'EUR', 'published')
    returning id`);
  return (listing.rows[0] as { id: string }).id;
}

describe("indexing from events", () => {
  it("an import's new blocks reach Typesense as booked days through listing.changed", async () => {
    const listingId = await publishedListing();
    await registerIcalImport(stack.db, { listingId, url: feedUrl });
    const from = day(20);
    feedBody = renderIcalFeed({
      name: "Other platform",
      now: new Date(),
      events: [{ uid: "stay@other", from, to: day(23), summary: "Booked" }],
    });
    const url = `${stack.workersUrl}/jobs/ical-import`;
    const body = JSON.stringify({ listingId, url: feedUrl });
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "upstash-signature": signDelivery({ url, body }) },
      body,
    });
    expect(await response.json()).toMatchObject({ status: "imported", created: 1 });

    // The job relays listing.changed through the broker to /events, whose handler upserts.
    const request = await waitFor("the listing's document in Typesense", async () =>
      received.find((r) => r.documents.some((d) => d.id === listingId)),
    );
    expect(request.method).toBe("POST");
    const path = new URL(request.path, typesenseUrl);
    expect(path.pathname).toBe("/collections/listings/documents/import");
    expect(path.searchParams.get("action")).toBe("upsert");
    expect(request.headers["x-typesense-api-key"]).toBe("typesense-test-key");
    const document = request.documents.find((d) => d.id === listingId);
    expect(document).toMatchObject({ title: "Indexed home", city: "Braga" });
    const first = dayNumber(from);
    expect(document?.booked_days).toEqual([first, first + 1, first + 2]);
    const processed = await stack.db.execute(
      sql`select count(*)::int as n from processed_events where event_type = 'listing.changed'`,
    );
    expect((processed.rows[0] as { n: number }).n).toBeGreaterThanOrEqual(1);
  });

  it("uses the Postgres adapter, which reads live and copies nothing, without TYPESENSE_URL", async () => {
    const index = searchIndexFromEnv(
      { TYPESENSE_COLLECTION: "listings" },
      { query: async () => ({ rows: [] }) },
    );
    expect(index.name).toBe("postgres");
  });
});
