import type { CollectionCreateSchema } from "typesense";

/**
 * Totals for the stay are stored for stays up to this many nights, because Typesense cannot
 * compute arithmetic in a filter or sort. A total depends on the number of nights and on how many
 * of them are Friday or Saturday nights (weekend price), which is the same for every listing for
 * given dates: one field per (nights, weekend nights) pair that a stay can have (73 fields).
 * Longer stays filter and sort on nights x nightly price, without weekend price, discount or
 * cleaning fee (documented in the package README). Per-date price overrides are never in a
 * document: they would need a field per date range, so Typesense totals leave them out.
 */
export const MAX_TOTAL_NIGHTS = 30;
/** Booked days are stored from yesterday to this many days ahead; dates beyond are not filtered. */
export const BOOKED_DAYS_HORIZON = 730;

export const totalField = (nights: number, weekendNights: number) => `total_${nights}_${weekendNights}`;

/** How many weekend nights a stay of `nights` can hold, over the seven weekdays it may start on. */
export function weekendNightCounts(nights: number): number[] {
  const fullWeeks = Math.floor(nights / 7) * 2;
  const rest = nights % 7;
  const counts: number[] = [];
  for (let w = Math.max(0, rest - 5); w <= Math.min(2, rest); w++) counts.push(fullWeeks + w);
  return counts;
}

/** Every stored total field: (nights, weekend nights) for 1..MAX_TOTAL_NIGHTS nights. */
export const storedTotals: { nights: number; weekendNights: number; field: string }[] = Array.from(
  { length: MAX_TOTAL_NIGHTS },
  (_, i) => i + 1,
).flatMap((nights) =>
  weekendNightCounts(nights).map((weekendNights) => ({
    nights,
    weekendNights,
    field: totalField(nights, weekendNights),
  })),
);

export interface ListingDocument {
  id: string;
  title: string;
  city: string;
  region: string;
  country: string;
  /** Other names of the place: country names, local/English city names, the neighbourhood. */
  place_names: string;
  location: [number, number];
  lat: number;
  lng: number;
  property_type: string;
  amenities: string[];
  bedrooms: number;
  capacity: number;
  nightly_price: number;
  /** Friday and Saturday nights; absent when the nightly price applies every night. */
  weekend_price?: number;
  weekly_discount_percent: number;
  monthly_discount_percent: number;
  cleaning_fee: number;
  currency: string;
  min_nights: number;
  max_nights: number;
  instant_book: boolean;
  /** Average rating x 100, rounded: integers compare exactly in keyset filters. */
  rating_x100: number;
  rating_count: number;
  cover_photo_url: string;
  /** Days since 1970-01-01 on which the listing is occupied (bookings and blocks). */
  booked_days: number[];
  /** First 52 bits of the id: a numeric, unique-enough tie-breaker (Typesense cannot range-filter strings). */
  tiebreak: number;
  /** Listing creation time; pages after the first ignore listings created after paging began. */
  created_ms: number;
  [total: `total_${number}_${number}`]: number;
}

export function collectionSchema(name: string): CollectionCreateSchema {
  return {
    name,
    fields: [
      { name: "title", type: "string" },
      { name: "city", type: "string" },
      { name: "region", type: "string" },
      { name: "country", type: "string", facet: true },
      { name: "place_names", type: "string" },
      { name: "location", type: "geopoint" },
      { name: "lat", type: "float" },
      { name: "lng", type: "float" },
      { name: "property_type", type: "string", facet: true },
      { name: "amenities", type: "string[]", facet: true },
      { name: "bedrooms", type: "int32" },
      { name: "capacity", type: "int32" },
      { name: "nightly_price", type: "int64" },
      { name: "weekend_price", type: "int64", optional: true },
      { name: "weekly_discount_percent", type: "int32" },
      { name: "monthly_discount_percent", type: "int32" },
      { name: "cleaning_fee", type: "int64" },
      { name: "currency", type: "string", facet: true },
      { name: "min_nights", type: "int32" },
      { name: "max_nights", type: "int32" },
      { name: "instant_book", type: "bool" },
      { name: "rating_x100", type: "int32" },
      { name: "rating_count", type: "int32" },
      { name: "cover_photo_url", type: "string", index: false, optional: true },
      { name: "booked_days", type: "int32[]" },
      { name: "tiebreak", type: "int64" },
      { name: "created_ms", type: "int64" },
      ...storedTotals.map(({ field }) => ({ name: field, type: "int64" as const })),
    ],
  };
}
