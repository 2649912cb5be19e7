import { futureDays } from "@hometrip/testkit/dates";
import { describe, expect, it } from "vitest";
import { withDatabase } from "./db.ts";
import { createTestClient, type RouterInputs, settle } from "./harness.ts";
import { createHost, createPublished, type ListingBody } from "./listings-support.ts";
import { randomArea } from "./search-fixtures.ts";

// Dates from the clock: day(0) is a Monday about two months ahead, day(n) n days later.
const day = futureDays(1);

async function search(query: RouterInputs["search"]["listings"]) {
  const response = await settle(() => createTestClient().search.listings.query(query));
  expect(response.status).toBe(200);
  return { cache: response.headers.get("x-search-cache"), hits: response.data.hits };
}

describe("listings and search", () => {
  it("a published listing is found, edits reach cached searches at once, unlisting removes it", async () => {
    const area = randomArea();
    const host = await createHost("listing-search");
    const listing = await createPublished(host, { ...area.centre, city: "Lagos" });
    const query = { bounds: area.bounds };

    const first = await search(query);
    expect(first.hits.map((h) => h.id)).toEqual([listing.id]);
    expect(first.hits[0]).toMatchObject({
      title: "Harbour flat",
      city: "Lagos",
      nightlyPrice: 12_500,
      coverPhotoUrl: listing.photos[0]?.url,
    });
    expect((await search(query)).cache).toBe("hit");

    const renamed = await settle(() =>
      createTestClient(host.auth).listings.update.mutate({
        id: listing.id,
        changes: { title: "Harbour flat with terrace" },
      }),
    );
    expect(renamed.status).toBe(200);
    const afterEdit = await search(query);
    expect(afterEdit.cache).toBe("miss");
    expect(afterEdit.hits[0]?.title).toBe("Harbour flat with terrace");

    const lastPhoto = listing.photos[4]?.id ?? "";
    await settle(() =>
      createTestClient(host.auth).listings.setCoverPhoto.mutate({
        listingId: listing.id,
        photoId: lastPhoto,
      }),
    );
    const afterCover = await search(query);
    expect(afterCover.hits[0]?.coverPhotoUrl).toBe(listing.photos[4]?.url);

    await settle(() => createTestClient(host.auth).listings.unlist.mutate({ id: listing.id }));
    expect((await search(query)).hits).toEqual([]);
  });

  it("a new weekend price, discount or date price reaches a cached search for dates at once", async () => {
    const area = randomArea();
    const host = await createHost("listing-search-pricing");
    const listing = await createPublished(host, { ...area.centre, city: "Tavira" });
    // Monday to Monday: five weeknights, Friday and Saturday.
    const query = { bounds: area.bounds, checkIn: day(0), checkOut: day(7) };
    const total = async (expected: "hit" | "miss") => {
      const result = await search(query);
      expect(result.cache).toBe(expected);
      return result.hits[0]?.totalPrice;
    };
    expect(await total("miss")).toBe(7 * 12_500 + 3_000);
    expect(await total("hit")).toBe(7 * 12_500 + 3_000);

    const priced = await settle(() =>
      createTestClient(host.auth).listings.update.mutate({
        id: listing.id,
        changes: { weekendPrice: 20_000, weeklyDiscountPercent: 10 },
      }),
    );
    expect(priced.status).toBe(200);
    expect(await total("miss")).toBe(102_500 - 10_250 + 3_000);
    const causes = await withDatabase(async (_db, pool) => {
      const { rows } = await pool.query<{ cause: string }>(
        `select payload->>'cause' as cause from outbox
          where event_type = 'listing.changed' and payload->'listingIds' ? $1 order by occurred_at desc, id limit 1`,
        [listing.id],
      );
      return rows.map((r) => r.cause);
    });
    expect(causes).toEqual(["pricing"]);

    await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverride.mutate({
        listingId: listing.id,
        date: day(2),
        price: 5_000,
      }),
    );
    expect(await total("miss")).toBe(95_000 - 9_500 + 3_000);
  });

  it("records listing.changed in the outbox for every change, with its cause", async () => {
    const host = await createHost("listing-outbox");
    const listing: ListingBody = await createPublished(host, { ...randomArea().centre, city: "Sagres" });
    await settle(() =>
      createTestClient(host.auth).listings.update.mutate({
        id: listing.id,
        changes: { nightlyPrice: 14_000 },
      }),
    );
    const rows = await withDatabase(async (_db, pool) => {
      const result = await pool.query<{
        event_version: number;
        payload: { listingIds: string[]; cause: string };
      }>(
        `select event_version, payload from outbox
          where event_type = 'listing.changed' and payload->'listingIds' ? $1 order by occurred_at, id`,
        [listing.id],
      );
      return result.rows;
    });
    // create, update, 5 photos, publish, price change
    expect(rows).toHaveLength(9);
    expect(rows.every((r) => r.event_version === 1 && r.payload.listingIds.length === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.payload.cause))).toEqual(new Set(["listing", "photos", "pricing"]));
  });
});
