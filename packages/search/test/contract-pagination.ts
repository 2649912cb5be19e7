import type { SearchQueryInput, SearchSort } from "@hometrip/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import type { ContractWorld } from "./contract.ts";
import { insertListing } from "./fixtures.ts";

const centre = { lat: 60.17, lng: 24.94 };
const around = { north: 60.5, south: 59.9, east: 25.3, west: 24.6 };

const cases: { sort: SearchSort; query: SearchQueryInput }[] = [
  { sort: "relevance", query: { text: "testville" } },
  { sort: "price_asc", query: { bounds: around } },
  { sort: "price_desc", query: { bounds: around } },
  { sort: "rating", query: { bounds: around } },
  { sort: "distance", query: { near: { ...centre, radiusKm: 50 } } },
];

/**
 * Pages through 25 homes four at a time while, between every two pages, one home that sorts
 * before the cursor and one that sorts after it are inserted: every home that existed when
 * paging began must be seen exactly once, and no home twice.
 */
export function paginationContract(world: ContractWorld) {
  describe("pagination under concurrent inserts", () => {
    const original: string[] = [];
    let counter = 0;
    const addHome = (nightly: number, northKm: number) =>
      insertListing(world.client, world.fixture.hostId, {
        key: "",
        title: `Testville home ${counter++}`,
        type: "apartment",
        city: "Testville",
        country: "FI",
        lat: centre.lat + northKm / 111.2,
        lng: centre.lng,
        capacity: 2,
        bedrooms: 1,
        // Five price levels, so price sorts page through ties broken by id.
        nightly,
        cleaning: 0,
        instant: true,
        amenities: ["wifi"],
      });

    beforeAll(async () => {
      for (let i = 0; i < 25; i++) original.push(await addHome(5_000 + (i % 5) * 1_000, 1 + i * 0.5));
      await world.index.upsert(original);
    });

    for (const { sort, query } of cases) {
      it(`pages by ${sort} without gaps or duplicates while homes are added`, async () => {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const result = await world.index.search({
            ...query,
            sort,
            limit: 4,
            ...(cursor ? { cursor } : {}),
          });
          seen.push(...result.hits.map((h) => h.id));
          cursor = result.nextCursor ?? undefined;
          pages++;
          const early = await addHome(sort === "price_desc" ? 90_000 : 1_000, 0.1);
          const late = await addHome(sort === "price_desc" ? 1_000 : 90_000, 40);
          await world.index.upsert([early, late]);
        } while (cursor && pages < 60);
        expect(cursor).toBeUndefined();
        expect(new Set(seen).size).toBe(seen.length);
        const missing = original.filter((id) => !seen.includes(id));
        expect(missing).toEqual([]);
      });
    }
  });
}
