import type { SearchQueryInput, SearchResult } from "@hometrip/contracts";
import { createScratchDatabase, type ScratchDatabase } from "@hometrip/db/scratch";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SearchIndex, SearchQueryError } from "../src/index.ts";
import { paginationContract } from "./contract-pagination.ts";
import { pricingContract } from "./contract-pricing.ts";
import { day, type Fixture, insertFixture } from "./fixtures.ts";

export interface ContractWorld {
  index: SearchIndex;
  client: pg.Client;
  fixture: Fixture;
  /** Key ("L1") of each hit, in order; listings the fixture did not name show as their id. */
  keys(result: SearchResult): string[];
}

export interface AdapterFactory {
  create(databaseUrl: string): Promise<{ index: SearchIndex; close(): Promise<void> }>;
}

/**
 * The behaviour every SearchIndex adapter must show, on the same fixture world. `skipReason` set:
 * every test is reported as skipped (never as passed) with the reason in its title.
 */
export function searchContract(name: string, factory: AdapterFactory, skipReason?: string) {
  const title = skipReason ? `${name} search contract (skipped: ${skipReason})` : `${name} search contract`;
  describe.skipIf(Boolean(skipReason))(title, () => {
    let database: ScratchDatabase;
    let closeIndex: () => Promise<void> = async () => {};
    const world = {} as ContractWorld;

    beforeAll(async () => {
      database = await createScratchDatabase({ prefix: `search_${name}` });
      world.client = new pg.Client({ connectionString: database.url });
      await world.client.connect();
      world.fixture = await insertFixture(world.client);
      const made = await factory.create(database.url);
      world.index = made.index;
      closeIndex = made.close;
      const byId = new Map(Object.entries(world.fixture.ids).map(([k, id]) => [id, k]));
      world.keys = (result) => result.hits.map((h) => byId.get(h.id) ?? h.id);
      await world.index.upsert(Object.values(world.fixture.ids));
    });
    afterAll(async () => {
      await closeIndex();
      await world.client?.end();
      await database?.drop();
    });

    const search = (q: SearchQueryInput) => world.index.search({ limit: 50, ...q });
    const keySet = async (q: SearchQueryInput) => new Set(world.keys(await search(q)));
    const lisbonArea = { north: 38.8, south: 38.6, east: -9.0, west: -9.5 };
    const near = (radiusKm: number) => ({ lat: 38.7115, lng: -9.1305, radiusKm });

    it("returns published listings only", async () => {
      expect(await keySet({})).toEqual(new Set(["L1", "L2", "L3", "L4", "L7", "L8", "L9", "L10", "L11"]));
    });

    describe("text", () => {
      it("matches the place", async () => {
        const found = await keySet({ text: "lisbon" });
        expect([...found].filter((k) => k.startsWith("L")).sort()).toEqual(["L1", "L2", "L3"]);
      });
      it("forgives a typo in the place", async () => {
        const found = await keySet({ text: "Lisbom" });
        expect(found).toEqual(expect.any(Set));
        for (const key of ["L1", "L2", "L3"]) expect(found.has(key)).toBe(true);
        for (const key of ["L5", "L6", "L7", "L8", "L9"]) expect(found.has(key)).toBe(false);
      });
      it("forgives a typo in a title word and ranks the best match first", async () => {
        const result = await search({ text: "alfamma" });
        expect(world.keys(result)[0]).toBe("L1");
      });
      const lisbon = ["L1", "L2", "L3"];
      const found = async (text: string) => [...(await keySet({ text }))].sort();
      it("finds a country by its name, not only its code", async () => {
        expect(await found("Portugal")).toEqual(["L1", "L2", "L3", "L4", "L7", "L8"]);
        expect(await found("Japan")).toEqual(["L9"]);
        expect(await found("portugal lisbon")).toEqual(lisbon);
      });
      it("finds a city by its local or English name", async () => {
        expect(await found("Lisboa")).toEqual(lisbon);
        expect(await found("Oporto")).toEqual(["L7", "L8"]);
      });
      it("forgives one typo in a short place name and two in a long one", async () => {
        expect(await found("Lisbn")).toEqual(lisbon);
        expect(await found("Prto")).toEqual(["L7", "L8"]);
        expect(await found("Portgual")).toEqual(["L1", "L2", "L3", "L4", "L7", "L8"]);
        expect(await found("Barcelna")).toEqual([]);
        expect(await found("Lsbn")).toEqual([]);
      });
      it("finds the neighbourhood a home is in, named or not in its title", async () => {
        // L2's title names Baixa, but it stands nearest Alfama's centre.
        expect(await found("Alfama")).toEqual(["L1", "L2"]);
        expect(await found("Belém")).toEqual(["L3"]);
        expect(await found("Belem")).toEqual(["L3"]);
      });
    });

    describe("where", () => {
      it("keeps to map bounds", async () => {
        expect(await keySet({ bounds: lisbonArea })).toEqual(new Set(["L1", "L2", "L3", "L4"]));
      });
      it("handles bounds across the antimeridian", async () => {
        expect(await keySet({ bounds: { north: -13, south: -17, west: 179, east: -171 } })).toEqual(
          new Set(["L10", "L11"]),
        );
      });
      it("keeps to a radius and sorts by distance", async () => {
        expect(await keySet({ near: near(3) })).toEqual(new Set(["L1", "L2"]));
        const result = await search({ near: near(10), sort: "distance" });
        expect(world.keys(result)).toEqual(["L1", "L2", "L3"]);
        const distances = result.hits.map((h) => h.distanceKm ?? -1);
        expect(distances[0]).toBeLessThan(0.01);
        expect(distances[1]).toBeGreaterThan(0.3);
        expect(distances[1]).toBeLessThan(1);
        expect(distances[2]).toBeGreaterThan(distances[1]!);
      });
    });

    describe("dates", () => {
      const has = async (checkIn: string, checkOut: string, key = "L1") =>
        (await keySet({ checkIn, checkOut })).has(key);
      it("allows a stay between a booking and a block, back to back on both sides", async () => {
        expect(await has(day(15), day(20))).toBe(true);
        expect(await has(day(19), day(20))).toBe(true);
      });
      it("excludes a home booked or blocked for any night of the stay", async () => {
        expect(await has(day(14), day(16))).toBe(false);
        expect(await has(day(9), day(11))).toBe(false);
        expect(await has(day(21), day(23))).toBe(false);
        expect(await has(day(5), day(40))).toBe(false);
      });
      it("ignores cancelled bookings", async () => {
        expect(await has(day(30), day(33))).toBe(true);
      });
      it("honours minimum and maximum nights", async () => {
        const oneNight = await keySet({ checkIn: day(40), checkOut: day(41), bounds: lisbonArea });
        expect(oneNight).toEqual(new Set(["L1"]));
        expect(await has(day(40), day(55), "L2")).toBe(false);
        expect(await has(day(40), day(54), "L2")).toBe(true);
        expect(await has(day(40), day(69), "L7")).toBe(false);
        expect(await has(day(40), day(68), "L7")).toBe(true);
      });
    });

    describe("filters", () => {
      it("fits the guests", async () => {
        expect(await keySet({ guests: 8 })).toEqual(new Set(["L3", "L4"]));
      });
      it("filters the price per night without dates", async () => {
        expect(await keySet({ priceMin: 8_000, priceMax: 10_000, currency: "EUR" })).toEqual(
          new Set(["L1", "L2", "L7"]),
        );
      });
      it("filters the total for the stay with dates, cleaning fee included", async () => {
        const result = await search({
          checkIn: day(40),
          checkOut: day(43),
          priceMin: 27_000,
          priceMax: 36_000,
          currency: "EUR",
        });
        expect(new Set(world.keys(result))).toEqual(new Set(["L2", "L7", "L8"]));
        const l8 = result.hits.find((h) => h.id === world.fixture.ids.L8);
        expect(l8).toMatchObject({ nightlyPrice: 12_000, totalPrice: 36_000, nights: 3 });
      });
      it("filters property types, bedrooms, amenities (all of) and instant book", async () => {
        expect(await keySet({ propertyTypes: ["villa", "cabin"] })).toEqual(new Set(["L4", "L10"]));
        expect(await keySet({ bedroomsMin: 4 })).toEqual(new Set(["L3", "L4"]));
        expect(await keySet({ amenities: ["pool", "parking"] })).toEqual(new Set(["L3", "L4"]));
        expect(await keySet({ amenities: ["kitchen", "washer", "wifi"] })).toEqual(new Set(["L1", "L3"]));
        expect(await keySet({ bounds: lisbonArea, instantBook: true })).toEqual(new Set(["L1", "L3"]));
        expect(await keySet({ bounds: lisbonArea, instantBook: false })).toEqual(new Set(["L2", "L4"]));
      });
    });

    it("gives a card everything it shows", async () => {
      const result = await search({ text: "alfama" });
      const l1 = result.hits.find((h) => h.id === world.fixture.ids.L1);
      expect(l1).toEqual({
        id: world.fixture.ids.L1,
        title: "Sunny loft in Alfama",
        city: "Lisbon",
        country: "PT",
        lat: 38.7115,
        lng: -9.1305,
        coverPhotoUrl: `https://photos.test/${world.fixture.ids.L1}/cover.jpg`,
        rating: { average: 5, count: 2 },
        nightlyPrice: 10_000,
        totalPrice: null,
        nights: null,
        currency: "EUR",
        propertyType: "loft",
        bedrooms: 2,
        capacity: 4,
        instantBook: true,
        distanceKm: null,
      });
    });

    it("counts facets, each ignoring its own filter", async () => {
      const result = await search({ bounds: lisbonArea, priceMax: 20_000 });
      expect(new Set(world.keys(result))).toEqual(new Set(["L1", "L2"]));
      expect(result.facets.propertyType).toEqual([
        { value: "apartment", count: 1 },
        { value: "loft", count: 1 },
      ]);
      expect(result.facets.amenities).toEqual([
        { value: "kitchen", count: 2 },
        { value: "wifi", count: 2 },
        { value: "washer", count: 1 },
      ]);
      const nonEmpty = result.facets.price.filter((b) => b.count > 0);
      expect(nonEmpty).toEqual([
        { min: 5_000, max: 10_000, count: 1 },
        { min: 10_000, max: 15_000, count: 1 },
        { min: 20_000, max: 30_000, count: 1 },
        { min: 50_000, max: 75_000, count: 1 },
      ]);
      expect(result.facets.price).toHaveLength(9);

      const houses = await search({ bounds: lisbonArea, priceMax: 30_000, propertyTypes: ["house"] });
      expect(world.keys(houses)).toEqual(["L3"]);
      expect(houses.facets.propertyType).toEqual([
        { value: "apartment", count: 1 },
        { value: "house", count: 1 },
        { value: "loft", count: 1 },
      ]);
      expect(houses.facets.amenities.map((a) => a.value)).toEqual([
        "kitchen",
        "parking",
        "pool",
        "washer",
        "wifi",
      ]);
    });

    describe("sorts", () => {
      it("by price per night, both ways", async () => {
        const up = await search({ currency: "EUR", sort: "price_asc" });
        expect(world.keys(up)).toEqual(["L2", "L7", "L1", "L8", "L3", "L4"]);
        const down = await search({ currency: "EUR", sort: "price_desc" });
        expect(world.keys(down)).toEqual(["L4", "L3", "L8", "L1", "L7", "L2"]);
      });
      it("by total for the stay when dates are given", async () => {
        const result = await search({
          currency: "EUR",
          sort: "price_asc",
          checkIn: day(40),
          checkOut: day(43),
        });
        expect(world.keys(result)).toEqual(["L2", "L7", "L8", "L1", "L3"]);
        expect(result.hits.map((h) => h.totalPrice)).toEqual([27_000, 28_500, 36_000, 37_000, 80_000]);
      });
      it("by rating, more reviews first on a tie, unrated last", async () => {
        const result = await search({ sort: "rating" });
        expect(world.keys(result).slice(0, 5)).toEqual(["L1", "L3", "L8", "L2", "L7"]);
        expect(result.hits.slice(5).every((h) => h.rating.average === null && h.rating.count === 0)).toBe(
          true,
        );
      });
      it("by relevance falls back to rating without text", async () => {
        const result = await search({});
        expect(world.keys(result).slice(0, 5)).toEqual(["L1", "L3", "L8", "L2", "L7"]);
      });
    });

    describe("index updates", () => {
      it("drops an unpublished listing on upsert and brings it back when republished", async () => {
        const id = world.fixture.ids.L8!;
        await world.client.query("update listings set status = 'unlisted' where id = $1", [id]);
        await world.index.upsert([id]);
        expect((await keySet({ text: "porto" })).has("L8")).toBe(false);
        await world.client.query("update listings set status = 'published' where id = $1", [id]);
        await world.index.upsert([id]);
        expect((await keySet({ text: "porto" })).has("L8")).toBe(true);
      });
      it("sees new bookings after an upsert", async () => {
        const id = world.fixture.ids.L8!;
        expect((await keySet({ checkIn: day(50), checkOut: day(52) })).has("L8")).toBe(true);
        await world.client.query(
          `insert into calendar_blocks (listing_id, check_in, check_out) values ($1, $2, $3)`,
          [id, day(51), day(52)],
        );
        await world.index.upsert([id]);
        expect((await keySet({ checkIn: day(50), checkOut: day(52) })).has("L8")).toBe(false);
      });
    });

    it("rejects a cursor it did not issue or one from another sort", async () => {
      await expect(search({ cursor: "bm90LWEtY3Vyc29y" })).rejects.toBeInstanceOf(SearchQueryError);
      const first = await search({ currency: "EUR", sort: "price_asc", limit: 2 });
      expect(first.nextCursor).not.toBeNull();
      await expect(search({ sort: "rating", cursor: first.nextCursor ?? "" })).rejects.toBeInstanceOf(
        SearchQueryError,
      );
    });

    pricingContract(name, world);
    paginationContract(world);
  });
}
