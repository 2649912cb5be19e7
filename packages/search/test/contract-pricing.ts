import type { SearchQueryInput } from "@hometrip/contracts";
import { weekdayOf } from "@hometrip/contracts/dates";
import { beforeAll, describe, expect, it } from "vitest";
import type { ContractWorld } from "./contract.ts";
import { day, insertListing } from "./fixtures.ts";

const reykjavik = { north: 64.2, south: 64.0, east: -21.7, west: -22.1 };

/** The first Monday at least 60 days ahead: stays then have known weekend nights. */
function mondayOffset(): number {
  for (let offset = 60; ; offset++) {
    if (weekdayOf(day(offset)) === 1) return offset;
  }
}

/**
 * Stay totals as listings.quote computes them (core's priceStay): weekend price on Friday and
 * Saturday nights, the weekly/monthly discount on the nights, the cleaning fee; on Postgres also
 * per-date overrides. Three homes in their own currency and corner of the map:
 *   W  €100 a night, €160 Friday/Saturday, €20 cleaning
 *   D  €110 a night, 20 % off a week, 30 % off a month, €10 cleaning
 *   O  €120 a night, Friday at €40 by a per-date override
 */
export function pricingContract(name: string, world: ContractWorld) {
  describe("stay totals", () => {
    const ids = { W: "", D: "", O: "" };
    const monday = mondayOffset();
    const week = { checkIn: day(monday), checkOut: day(monday + 7) };
    const midweek = { checkIn: day(monday), checkOut: day(monday + 3) };
    const month = { checkIn: day(monday), checkOut: day(monday + 28) };
    const keyOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;
    const search = (q: SearchQueryInput) =>
      world.index.search({ bounds: reykjavik, currency: "ISK", limit: 50, ...q });
    const totals = async (q: SearchQueryInput) =>
      Object.fromEntries((await search(q)).hits.map((h) => [keyOf(h.id), h.totalPrice]));

    beforeAll(async () => {
      const home = (key: string, nightly: number, cleaning: number, northKm: number) =>
        insertListing(world.client, world.fixture.hostId, {
          key,
          title: `Priced home ${key}`,
          type: "house",
          city: "Reykjavik",
          country: "IS",
          currency: "ISK",
          lat: 64.1 + northKm / 111.2,
          lng: -21.9,
          capacity: 4,
          bedrooms: 2,
          nightly,
          cleaning,
          instant: false,
          amenities: ["wifi"],
        });
      ids.W = await home("W", 10_000, 2_000, 0);
      ids.D = await home("D", 11_000, 1_000, 1);
      ids.O = await home("O", 12_000, 0, 2);
      await world.client.query("update listings set weekend_price = 16000 where id = $1", [ids.W]);
      await world.client.query(
        "update listings set weekly_discount_percent = 20, monthly_discount_percent = 30 where id = $1",
        [ids.D],
      );
      await world.client.query(
        "insert into price_overrides (listing_id, date, nightly_price) values ($1, $2, 4000)",
        [ids.O, day(monday + 4)],
      );
      await world.index.upsert(Object.values(ids));
    });

    it("charges weekend nights at the weekend price and discounts a week and a month", async () => {
      // Monday to Monday: five weeknights, Friday and Saturday.
      const weekly = await totals(week);
      expect(weekly.W).toBe(5 * 10_000 + 2 * 16_000 + 2_000);
      expect(weekly.D).toBe(77_000 - 15_400 + 1_000);
      const monthly = await totals(month);
      expect(monthly.W).toBe(20 * 10_000 + 8 * 16_000 + 2_000);
      expect(monthly.D).toBe(308_000 - 92_400 + 1_000);
      // Monday to Thursday: no weekend night, too short for a discount.
      expect(await totals(midweek)).toEqual({ W: 32_000, D: 34_000, O: 36_000 });
    });

    it("filters, sorts and buckets the price on that total", async () => {
      const cheap = await search({ ...week, priceMax: 70_000 });
      expect(cheap.hits.map((h) => keyOf(h.id))).toEqual(["D"]);
      const exact = await search({ ...week, priceMin: 84_000, priceMax: 84_000, propertyTypes: ["house"] });
      expect(exact.hits.map((h) => keyOf(h.id))).toContain("W");
      expect(exact.hits.map((h) => keyOf(h.id))).not.toContain("D");
      const sorted = await search({ ...week, sort: "price_asc" });
      expect(sorted.hits.map((h) => keyOf(h.id))[0]).toBe("D");
      // Edges for 7 nights: 0, 35,000, 70,000, 105,000, ...: D (62,600) below 70,000, W (84,000) above.
      const bucket = (min: number) => sorted.facets.price.find((b) => b.min === min)?.count;
      expect(bucket(35_000)).toBe(1);
      expect(bucket(70_000)).toBe(2);
    });

    // Typesense documents cannot hold per-date prices (see src/typesense/schema.ts).
    it.skipIf(name !== "postgres")(
      "counts per-date overrides in the total, the filter and the sort",
      async () => {
        // O: six nights at €120 and the Friday at €40.
        expect((await totals(week)).O).toBe(6 * 12_000 + 4_000);
        const sorted = await search({ ...week, sort: "price_asc" });
        expect(sorted.hits.map((h) => keyOf(h.id))).toEqual(["D", "O", "W"]);
        const filtered = await search({ ...week, priceMin: 76_000, priceMax: 76_000 });
        expect(filtered.hits.map((h) => keyOf(h.id))).toEqual(["O"]);
      },
    );
  });
}
