import type { CollectionCreateSchema } from "typesense";

/**
 * Totals for the stay (nights x nightly + cleaning fee) are stored for stays up to this many
 * nights, because Typesense cannot compute arithmetic in a filter or sort. Longer stays filter and
 * sort on nights x nightly price, without the cleaning fee (documented in the package README).
 */
export const MAX_TOTAL_NIGHTS = 30;
/** Booked days are stored from yesterday to this many days ahead; dates beyond are not filtered. */
export const BOOKED_DAYS_HORIZON = 730;

export const totalField = (nights: number) => `total_${nights}`;

export interface ListingDocument {
  id: string;
  title: string;
  city: string;
  region: string;
  country: string;
  location: [number, number];
  lat: number;
  lng: number;
  property_type: string;
  amenities: string[];
  bedrooms: number;
  capacity: number;
  nightly_price: number;
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
  [total: `total_${number}`]: number;
}

export function collectionSchema(name: string): CollectionCreateSchema {
  return {
    name,
    fields: [
      { name: "title", type: "string" },
      { name: "city", type: "string" },
      { name: "region", type: "string" },
      { name: "country", type: "string", facet: true },
      { name: "location", type: "geopoint" },
      { name: "lat", type: "float" },
      { name: "lng", type: "float" },
      { name: "property_type", type: "string", facet: true },
      { name: "amenities", type: "string[]", facet: true },
      { name: "bedrooms", type: "int32" },
      { name: "capacity", type: "int32" },
      { name: "nightly_price", type: "int64" },
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
      ...Array.from({ length: MAX_TOTAL_NIGHTS }, (_, i) => ({
        name: totalField(i + 1),
        type: "int64" as const,
      })),
    ],
  };
}
