import { describe, expect, it } from "vitest";
import {
  emptySearch,
  listingHref,
  parseSearchParams,
  type SearchState,
  searchHref,
  searchParamsOf,
  searchQueryOf,
  tripErrors,
  withoutPastDates,
} from "./search-url.ts";

const full: SearchState = {
  place: "Lisbon",
  checkIn: "2026-07-03",
  checkOut: "2026-07-06",
  guests: 3,
  priceMin: 50,
  priceMax: 300,
  propertyTypes: ["apartment", "villa"],
  bedroomsMin: 2,
  amenities: ["kitchen", "wifi"],
  instantBook: true,
  sort: "distance",
  bounds: { west: -9.25, south: 38.69, east: -9.09, north: 38.8 },
};

describe("search URL state", () => {
  it("round-trips every filter through the query string", () => {
    const qs = searchParamsOf(full);
    expect(parseSearchParams(new URLSearchParams(qs))).toEqual(full);
    expect(searchParamsOf(emptySearch)).toBe("");
    expect(parseSearchParams(new URLSearchParams(""))).toEqual(emptySearch);
  });

  it("writes one canonical URL per search, whatever order the lists were picked in", () => {
    const shuffled = {
      ...full,
      propertyTypes: ["villa", "apartment"] as const,
      amenities: ["wifi", "kitchen"],
    };
    expect(searchParamsOf({ ...shuffled, propertyTypes: [...shuffled.propertyTypes] })).toBe(
      searchParamsOf(full),
    );
    expect(searchParamsOf(full)).toBe(
      "q=Lisbon&checkin=2026-07-03&checkout=2026-07-06&guests=3&price_min=50&price_max=300" +
        "&type=apartment&type=villa&bedrooms=2&amenity=kitchen&amenity=wifi&instant=1" +
        "&bounds=-9.25%2C38.69%2C-9.09%2C38.8&sort=distance",
    );
  });

  it("reads the params Next hands a server page (strings or arrays)", () => {
    const state = parseSearchParams({ q: "Porto", type: ["house", "cabin"], amenity: "wifi", guests: "2" });
    expect(state).toMatchObject({
      place: "Porto",
      propertyTypes: ["house", "cabin"],
      amenities: ["wifi"],
      guests: 2,
    });
  });

  it("drops what the API would refuse instead of guessing", () => {
    const state = parseSearchParams(
      new URLSearchParams(
        "checkin=2026-07-06&checkout=2026-07-03&guests=0&bedrooms=x&type=castle&sort=cheap&bounds=1,2,3",
      ),
    );
    expect(state).toEqual(emptySearch);
    expect(
      parseSearchParams(new URLSearchParams("checkin=2026-02-30&checkout=2026-03-02")).checkIn,
    ).toBeNull();
    // Only one of the pair means no dates at all (the API wants both or neither).
    expect(parseSearchParams(new URLSearchParams("checkin=2026-07-01")).checkIn).toBeNull();
    // More than a year is longer than any listing allows.
    expect(
      parseSearchParams(new URLSearchParams("checkin=2026-01-01&checkout=2027-01-02")).checkIn,
    ).toBeNull();
  });

  it("keeps a price range the right way round and sorts by distance only with a map area", () => {
    const swapped = parseSearchParams(new URLSearchParams("price_min=300&price_max=50&sort=distance"));
    expect([swapped.priceMin, swapped.priceMax]).toEqual([50, 300]);
    expect(swapped.sort).toBe("relevance");
  });

  it("rounds map bounds to about a metre so a map move does not write noise", () => {
    const state = {
      ...emptySearch,
      bounds: { west: 2.123456789, south: 41.1, east: 2.2, north: 41.400000001 },
    };
    expect(searchHref(state)).toBe("/search?bounds=2.12346%2C41.1%2C2.2%2C41.4");
  });

  it("asks the API in minor units and leaves out what is not set", () => {
    expect(searchQueryOf(full)).toEqual({
      text: "Lisbon",
      bounds: full.bounds,
      checkIn: "2026-07-03",
      checkOut: "2026-07-06",
      guests: 3,
      priceMin: 5_000,
      priceMax: 30_000,
      propertyTypes: ["apartment", "villa"],
      bedroomsMin: 2,
      amenities: ["kitchen", "wifi"],
      instantBook: true,
      sort: "distance",
      limit: 20,
    });
    expect(searchQueryOf(emptySearch, 10)).toEqual({ sort: "relevance", limit: 10 });
  });

  it("carries dates and guests over to the listing page", () => {
    expect(listingHref("abc", full)).toBe("/listings/abc?checkin=2026-07-03&checkout=2026-07-06&guests=3");
    expect(listingHref("abc", emptySearch)).toBe("/listings/abc");
  });
});

describe("tripErrors", () => {
  const today = "2026-06-01";
  const trip = (checkIn: string, checkOut: string, guests = "") =>
    tripErrors({ checkIn, checkOut, guests }, today);

  it("accepts no dates, or a stay of one night to a year from today", () => {
    expect(trip("", "")).toEqual({});
    expect(trip("2026-06-01", "2026-06-02", "4")).toEqual({});
    expect(trip("2026-06-01", "2027-06-01")).toEqual({});
  });

  it("says what is wrong with the dates and guests, on the field it is about", () => {
    expect(trip("2026-05-31", "2026-06-02")).toEqual({ checkIn: "Check-in cannot be in the past." });
    expect(trip("2026-06-05", "2026-06-05")).toEqual({ checkOut: "Check-out must be after check-in." });
    expect(trip("2026-06-05", "")).toEqual({ checkOut: "Add a check-out date too." });
    expect(trip("", "2026-06-05")).toEqual({ checkIn: "Add a check-in date too." });
    expect(trip("2026-06-01", "2027-06-02")).toEqual({ checkOut: "Stays can be at most 365 nights." });
    expect(trip("", "", "0")).toEqual({ guests: "From 1 to 50 guests." });
    expect(trip("", "", "51")).toEqual({ guests: "From 1 to 50 guests." });
  });
});

describe("a search link whose dates have passed", () => {
  it("loses its dates and keeps the rest; dates from today on stay", () => {
    const old = { ...full, checkIn: "2026-07-03", checkOut: "2026-07-06" };
    expect(withoutPastDates(old, "2026-07-04")).toEqual({
      state: { ...full, checkIn: null, checkOut: null },
      datesPassed: true,
    });
    expect(withoutPastDates(old, "2026-07-03")).toEqual({ state: old, datesPassed: false });
    expect(withoutPastDates({ ...full, checkIn: null, checkOut: null }, "2030-01-01").datesPassed).toBe(
      false,
    );
  });
});
