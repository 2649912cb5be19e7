import { addDays, epochDay } from "@hometrip/contracts/dates";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, planSearch, SearchQueryError } from "../src/index.ts";
import { filterClauses, priceField } from "../src/typesense/filters.ts";
import { collectionSchema, MAX_TOTAL_NIGHTS, storedTotals } from "../src/typesense/schema.ts";

describe("typesense filter clauses", () => {
  it("excludes every night of the stay and checks the stay length", () => {
    const plan = planSearch({ checkIn: "2031-01-01", checkOut: "2031-01-04" });
    const first = epochDay("2031-01-01");
    expect(filterClauses(plan)).toEqual([
      "min_nights:<=3",
      "max_nights:>=3",
      `booked_days:!=[${first},${first + 1},${first + 2}]`,
    ]);
  });

  it("requires every amenity and quotes user text so it cannot break out of the literal", () => {
    const plan = planSearch({ amenities: ["wifi", "po`ol"] });
    expect(filterClauses(plan)).toEqual(["amenities:=`wifi`", "amenities:=`pool`"]);
  });

  it("splits bounds across the antimeridian", () => {
    const plan = planSearch({ bounds: { north: -13, south: -17, west: 179, east: -171 } });
    expect(filterClauses(plan)).toEqual(["(lat:[-17..-13] && (lng:[179..180] || lng:[-180..-171]))"]);
  });

  it("filters the stored stay total with dates and leaves out the filter a facet ignores", () => {
    const plan = planSearch({
      checkIn: "2031-01-01",
      checkOut: "2031-01-03",
      priceMax: 30_000,
      propertyTypes: ["loft"],
    });
    // Wednesday and Thursday nights: no weekend night.
    expect(priceField(plan)).toEqual({ field: "total_2_0", scale: 1 });
    expect(filterClauses(plan)).toContain("total_2_0:<=30000");
    expect(filterClauses(plan, { price: true })).not.toContain("total_2_0:<=30000");
    expect(filterClauses(plan, { types: true })).not.toContain("property_type:=[`loft`]");
    const weekend = planSearch({ checkIn: "2031-01-03", checkOut: "2031-01-05" });
    expect(priceField(weekend)).toEqual({ field: "total_2_2", scale: 1 });
  });

  it("stores a total for every (nights, weekend nights) pair a stay can have, and no other", () => {
    const stored = new Set(storedTotals.map((t) => t.field));
    const seen = new Set<string>();
    for (let start = 0; start < 7; start++) {
      const checkIn = addDays("2031-01-01", start);
      for (let nights = 1; nights <= MAX_TOTAL_NIGHTS; nights++) {
        const checkOut = addDays(checkIn, nights);
        const { field } = priceField(planSearch({ checkIn, checkOut }));
        expect(stored.has(field), `${checkIn} +${nights}`).toBe(true);
        seen.add(field);
      }
    }
    expect(seen).toEqual(stored);
    expect(collectionSchema("x").fields.filter((f) => f.name.startsWith("total_"))).toHaveLength(stored.size);
  });

  it("falls back to nights x nightly price beyond the stored totals", () => {
    const plan = planSearch({ checkIn: "2031-01-01", checkOut: "2031-02-10", priceMax: 400_000 });
    expect(priceField(plan)).toEqual({ field: "nightly_price", scale: 40 });
    expect(filterClauses(plan)).toContain("nightly_price:<=10000");
  });
});

describe("cursors", () => {
  it("round-trip and refuse another sort or garbage", () => {
    const cursor = encodeCursor({ order: "price_asc", keys: [12_000, "3f1c-id"] });
    expect(decodeCursor(cursor, "price_asc").keys).toEqual([12_000, "3f1c-id"]);
    expect(() => decodeCursor(cursor, "rating")).toThrow(SearchQueryError);
    expect(() => decodeCursor("%%%", "rating")).toThrow(SearchQueryError);
    expect(() => decodeCursor(btoa('{"order":"rating","keys":[{}]}'), "rating")).toThrow(SearchQueryError);
  });
});

describe("query validation", () => {
  it("rejects half a date range, reversed dates and distance without a point", () => {
    expect(() => planSearch({ checkIn: "2031-01-01" })).toThrow();
    expect(() => planSearch({ checkIn: "2031-01-05", checkOut: "2031-01-01" })).toThrow();
    expect(() => planSearch({ sort: "distance" })).toThrow();
  });
  it("orders by rating when relevance has no text to rank", () => {
    expect(planSearch({}).order).toBe("rating");
    expect(planSearch({ text: "porto" }).order).toBe("relevance");
  });
});
