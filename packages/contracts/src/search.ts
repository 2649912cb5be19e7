import * as z from "zod";
import { daysBetween } from "./dates.ts";
import { propertyTypes, zPropertyType } from "./enums.ts";
import { zIsoDate, zLatitude, zLongitude, zText } from "./input-bounds.ts";

export const searchSorts = ["relevance", "price_asc", "price_desc", "rating", "distance"] as const;

/** Longest stay a search may ask about; matches the longest max_nights a listing may set. */
export const MAX_SEARCH_NIGHTS = 365;
export const MAX_SEARCH_LIMIT = 50;

const isoDate = zIsoDate;
const latitude = zLatitude;
const longitude = zLongitude;
const minorUnits = z.number().int().nonnegative();

export const zSearchBounds = z
  .object({ north: latitude, south: latitude, east: longitude, west: longitude })
  .refine((b) => b.north >= b.south, { message: "north must not be below south", path: ["north"] });

export const zSearchNear = z.object({
  lat: latitude,
  lng: longitude,
  /** From 100 m: a smaller circle holds no home, and a subnormal radius is no radius at all. */
  radiusKm: z.number().min(0.1).max(1000),
});

/**
 * One search. Prices are integer minor units in the listing's currency: per night without
 * dates, the total for the stay with dates, priced like listings.quote (weekend price on Friday
 * and Saturday nights, per-date overrides, weekly/monthly discount, cleaning fee).
 * `bounds` with west > east crosses the antimeridian.
 */
export const zSearchQuery = z
  .object({
    text: zText({ min: 1, max: 200 }).optional(),
    bounds: zSearchBounds.optional(),
    near: zSearchNear.optional(),
    checkIn: isoDate.optional(),
    checkOut: isoDate.optional(),
    guests: z.number().int().min(1).max(50).optional(),
    priceMin: minorUnits.optional(),
    priceMax: minorUnits.optional(),
    currency: zText({ max: 3 })
      .regex(/^[A-Z]{3}$/)
      .optional(),
    propertyTypes: z.array(zPropertyType).max(propertyTypes.length).optional(),
    bedroomsMin: z.number().int().min(0).max(50).optional(),
    amenities: z
      .array(zText({ min: 1, max: 60 }))
      .max(30)
      .optional(),
    instantBook: z.boolean().optional(),
    sort: z.enum(searchSorts).default("relevance"),
    cursor: zText({ max: 500, trim: false }).optional(),
    limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).default(20),
  })
  .superRefine((q, ctx) => {
    if ((q.checkIn === undefined) !== (q.checkOut === undefined)) {
      ctx.addIssue({ code: "custom", path: ["checkOut"], message: "checkIn and checkOut go together" });
    }
    if (q.checkIn && q.checkOut) {
      const nights = daysBetween(q.checkIn, q.checkOut);
      if (nights < 1) ctx.addIssue({ code: "custom", path: ["checkOut"], message: "must be after checkIn" });
      if (nights > MAX_SEARCH_NIGHTS) {
        ctx.addIssue({ code: "custom", path: ["checkOut"], message: `at most ${MAX_SEARCH_NIGHTS} nights` });
      }
    }
    if (q.priceMin !== undefined && q.priceMax !== undefined && q.priceMin > q.priceMax) {
      ctx.addIssue({ code: "custom", path: ["priceMax"], message: "must not be below priceMin" });
    }
    if (q.bounds && q.near) {
      ctx.addIssue({ code: "custom", path: ["near"], message: "use bounds or near, not both" });
    }
    if (q.sort === "distance" && !q.near && !q.bounds) {
      ctx.addIssue({ code: "custom", path: ["sort"], message: "distance needs near or bounds" });
    }
  });

export type SearchQueryInput = z.input<typeof zSearchQuery>;
export type SearchQuery = z.output<typeof zSearchQuery>;
export type SearchSort = (typeof searchSorts)[number];

/** What a result card needs. */
export const zSearchHit = z.object({
  id: z.uuid(),
  title: z.string(),
  city: z.string(),
  country: z.string(),
  lat: z.number(),
  lng: z.number(),
  coverPhotoUrl: z.string().nullable(),
  rating: z.object({ average: z.number().nullable(), count: z.number().int().nonnegative() }),
  nightlyPrice: minorUnits,
  /** With dates: nights x nightly price + cleaning fee; per-date overrides are applied by the quote. */
  totalPrice: minorUnits.nullable(),
  nights: z.number().int().positive().nullable(),
  currency: z.string(),
  propertyType: zPropertyType,
  bedrooms: z.number().int().nonnegative(),
  capacity: z.number().int().positive(),
  instantBook: z.boolean(),
  /** Kilometres from `near` (or the centre of `bounds`) when either was given. */
  distanceKm: z.number().nonnegative().nullable(),
});
export type SearchHit = z.infer<typeof zSearchHit>;

const zFacetCount = z.object({ value: z.string(), count: z.number().int().nonnegative() });

export const zPriceBucket = z.object({
  min: minorUnits,
  /** Exclusive; null for the open-ended last bucket. */
  max: minorUnits.nullable(),
  count: z.number().int().nonnegative(),
});
export type PriceBucket = z.infer<typeof zPriceBucket>;

/**
 * Counts over the filtered result set, each facet ignoring its own filter where that is what a
 * filter UI needs: property types without the property-type filter (so other types stay
 * selectable), the price histogram without the price filter (so the slider shows the whole
 * distribution); amenities are all-of, so their counts are over the fully filtered set.
 */
export const zSearchFacets = z.object({
  propertyType: z.array(zFacetCount),
  amenities: z.array(zFacetCount),
  price: z.array(zPriceBucket),
});
export type SearchFacets = z.infer<typeof zSearchFacets>;

export const zSearchResult = z.object({
  hits: z.array(zSearchHit),
  facets: zSearchFacets,
  /** Opaque; pass back as `cursor` for the next page. Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type SearchResult = z.infer<typeof zSearchResult>;

/** Per-night bucket edges in major units; with dates they scale by the number of nights. */
const NIGHTLY_EDGES = [0, 50, 100, 150, 200, 300, 500, 750, 1000];

/** Lower edges (minor units) of the price histogram for a stay of `nights` (null: per night). */
export function priceBucketEdges(nights: number | null): number[] {
  return NIGHTLY_EDGES.map((edge) => edge * 100 * (nights ?? 1));
}
