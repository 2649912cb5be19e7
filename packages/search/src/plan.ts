import {
  daysBetween,
  type PriceBucket,
  priceBucketEdges,
  type SearchQuery,
  type SearchQueryInput,
  weekendNightsBetween,
  zSearchQuery,
} from "@hometrip/contracts";

/** How hits are ordered once the query is known: relevance without text means best rated. */
export type SearchOrder = "relevance" | "price_asc" | "price_desc" | "rating" | "distance";

export interface SearchPlan {
  query: SearchQuery;
  nights: number | null;
  /**
   * Friday and Saturday nights among the stay's nights: the same for every listing, so the
   * adapters price the stay from it instead of walking the dates per listing.
   */
  weekendNights: number | null;
  /** Distances are measured from here: `near`, else the centre of `bounds`. */
  center: { lat: number; lng: number } | null;
  order: SearchOrder;
  /** Lower edges of the price histogram, in the unit the price filter uses. */
  priceEdges: number[];
}

export function planSearch(input: SearchQueryInput): SearchPlan {
  const query = zSearchQuery.parse(input);
  const dates = query.checkIn && query.checkOut ? { checkIn: query.checkIn, checkOut: query.checkOut } : null;
  const nights = dates ? daysBetween(dates.checkIn, dates.checkOut) : null;
  const weekendNights = dates ? weekendNightsBetween(dates.checkIn, dates.checkOut) : null;
  const order: SearchOrder = query.sort === "relevance" && !query.text ? "rating" : query.sort;
  return {
    query,
    nights,
    weekendNights,
    center: centerOf(query),
    order,
    priceEdges: priceBucketEdges(nights),
  };
}

function centerOf(query: SearchQuery): { lat: number; lng: number } | null {
  if (query.near) return { lat: query.near.lat, lng: query.near.lng };
  const b = query.bounds;
  if (!b) return null;
  // A box with west > east crosses the antimeridian; its middle is on the far side.
  const east = b.west > b.east ? b.east + 360 : b.east;
  let lng = (b.west + east) / 2;
  if (lng > 180) lng -= 360;
  return { lat: (b.north + b.south) / 2, lng };
}

/** Histogram from counts per bucket index (0 = first edge); every bucket present, zeros included. */
export function priceBuckets(edges: number[], countAt: (index: number) => number): PriceBucket[] {
  return edges.map((min, i) => ({ min, max: edges[i + 1] ?? null, count: countAt(i) }));
}

/** Most frequent first, then alphabetical, so both adapters list facets the same way. */
export function sortFacet(counts: { value: string; count: number }[], max = 50) {
  return counts
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, max);
}

/** Kilometres, rounded to metres so both adapters report the same figure. */
export const roundKm = (km: number) => Math.round(km * 1000) / 1000;
export const roundRating = (avg: number) => Math.round(avg * 100) / 100;
