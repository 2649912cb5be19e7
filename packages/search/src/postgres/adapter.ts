import type { PropertyType, SearchHit, SearchQueryInput, SearchResult } from "@hometrip/contracts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import { planSearch, priceBuckets, roundKm, roundRating, type SearchPlan, sortFacet } from "../plan.ts";
import type { SearchIndex, SqlExecutor } from "../port.ts";
import { buildSearchSql, type SearchSql, sortColumns } from "./build-sql.ts";

interface HitRow {
  id: string;
  title: string;
  city: string;
  country: string;
  lat: number;
  lng: number;
  nightlyPrice: number;
  currency: string;
  bedrooms: number;
  capacity: number;
  instantBook: boolean;
  propertyType: PropertyType;
  price: number;
  score: number;
  distanceKm: number | null;
  ratingAvg: number;
  ratingCount: number;
  coverPhotoUrl: string | null;
}

interface ResultRow {
  hits: HitRow[];
  property_types: { value: string; count: number }[];
  amenities: { value: string; count: number }[];
  price_buckets: { bucket: number; count: number }[];
}

/** The statement for a query and cursor, exactly as the adapter runs it (the benchmark replays it). */
export function searchStatement(input: SearchQueryInput): SearchSql {
  const plan = planSearch(input);
  const after = plan.query.cursor ? decodeCursor(plan.query.cursor, plan.order) : null;
  return buildSearchSql(plan, after);
}

/**
 * The embedded default and the source of truth: every search reads the live tables, so there is
 * nothing to copy on upsert or remove (derived ratings are kept by triggers; see migration 0004).
 */
export function createPostgresSearchIndex(sql: SqlExecutor): SearchIndex {
  return {
    name: "postgres",
    async upsert() {},
    async remove() {},
    async search(input) {
      const plan = planSearch(input);
      const after = plan.query.cursor ? decodeCursor(plan.query.cursor, plan.order) : null;
      const statement = buildSearchSql(plan, after);
      const { rows } = await sql.query(statement.text, statement.values);
      return toResult(plan, rows[0] as ResultRow);
    },
  };
}

function toResult(plan: SearchPlan, row: ResultRow): SearchResult {
  const { limit } = plan.query;
  const page = row.hits.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    row.hits.length > limit && last
      ? encodeCursor({
          order: plan.order,
          keys: [...sortColumns(plan.order).map((column) => cursorValue(last, column)), last.id],
        })
      : null;
  const buckets = new Map(row.price_buckets.map((b) => [b.bucket, b.count]));
  return {
    hits: page.map((h) => toHit(plan, h)),
    facets: {
      propertyType: sortFacet(row.property_types),
      amenities: sortFacet(row.amenities),
      // width_bucket numbers the bucket starting at edge i as i + 1.
      price: priceBuckets(plan.priceEdges, (i) => buckets.get(i + 1) ?? 0),
    },
    nextCursor,
  };
}

function cursorValue(hit: HitRow, column: string): number {
  switch (column) {
    case "score":
      return hit.score;
    case "price":
      return hit.price;
    case "rating_avg":
      return hit.ratingAvg;
    case "rating_count":
      return hit.ratingCount;
    case "distance_km":
      return hit.distanceKm ?? 0;
    default:
      throw new Error(`no cursor value for ${column}`);
  }
}

function toHit(plan: SearchPlan, h: HitRow): SearchHit {
  return {
    id: h.id,
    title: h.title,
    city: h.city,
    country: h.country,
    lat: h.lat,
    lng: h.lng,
    coverPhotoUrl: h.coverPhotoUrl,
    rating: { average: h.ratingCount > 0 ? roundRating(h.ratingAvg) : null, count: h.ratingCount },
    nightlyPrice: h.nightlyPrice,
    totalPrice: plan.nights === null ? null : h.price,
    nights: plan.nights,
    currency: h.currency,
    propertyType: h.propertyType,
    bedrooms: h.bedrooms,
    capacity: h.capacity,
    instantBook: h.instantBook,
    distanceKm: h.distanceKm === null ? null : roundKm(h.distanceKm),
  };
}
