import { MONTHLY_DISCOUNT_NIGHTS, WEEKLY_DISCOUNT_NIGHTS } from "@hometrip/contracts";
import type { CursorPosition } from "../cursor.ts";
import type { SearchOrder, SearchPlan } from "../plan.ts";
import {
  correctedTsQuery,
  distanceKm,
  earthPoint,
  mapPoint,
  published,
  queryWords,
  searchDocument,
} from "./expressions.ts";
import { Params } from "./params.ts";

/** Sort keys over the `base` CTE columns; the listing id (ascending) breaks every tie. */
const sortKeys: Record<SearchOrder, { column: string; dir: "asc" | "desc"; cast: string }[]> = {
  relevance: [{ column: "score", dir: "desc", cast: "float8" }],
  price_asc: [{ column: "price", dir: "asc", cast: "bigint" }],
  price_desc: [{ column: "price", dir: "desc", cast: "bigint" }],
  rating: [
    { column: "rating_avg", dir: "desc", cast: "float8" },
    { column: "rating_count", dir: "desc", cast: "int" },
  ],
  distance: [{ column: "distance_km", dir: "asc", cast: "float8" }],
};

export const sortColumns = (order: SearchOrder) => sortKeys[order].map((k) => k.column);

/** The stay's check-in and check-out placeholders, and its nights as a half-open daterange. */
type StayDates = { checkIn: string; checkOut: string; range: string };

export interface SearchSql {
  text: string;
  values: unknown[];
}

/**
 * One statement answers a page: `base` holds every published listing passing the filters that
 * facets share (all but property type and price), materialised once; the page, the property-type
 * counts (without their own filter), amenity counts and the price histogram (without the price
 * filter) are all read from it. Hits come back as JSON so one round trip carries everything.
 */
export function buildSearchSql(plan: SearchPlan, after: CursorPosition | null): SearchSql {
  const { query: q, nights, center } = plan;
  const p = new Params();
  const where = [published];
  let score = "0::float8";

  let preamble = "";
  const words = q.text ? queryWords(q.text) : [];
  if (words.length > 0) {
    // Computed once (a one-row CTE), then used as an index condition and for ranking.
    preamble = `text_query AS MATERIALIZED (SELECT ${correctedTsQuery(p.add(words, "text[]"))} AS tsq),\n`;
    where.push(`${searchDocument} @@ (SELECT tsq FROM text_query)`);
    score = `ts_rank(${searchDocument}, (SELECT tsq FROM text_query))::float8`;
  }
  if (q.bounds) {
    const { north, south, east, west } = q.bounds;
    const box = (w: number, e: number) =>
      `${mapPoint} <@ box(point(${p.add(w, "float8")}, ${p.add(south, "float8")}), point(${p.add(e, "float8")}, ${p.add(north, "float8")}))`;
    where.push(west <= east ? box(west, east) : `(${box(west, 180)} OR ${box(-180, east)})`);
  }
  if (q.near) {
    const [lat, lng] = [p.add(q.near.lat, "float8"), p.add(q.near.lng, "float8")];
    const metres = p.add(q.near.radiusKm * 1000, "float8");
    where.push(
      `earth_box(ll_to_earth(${lat}, ${lng}), ${metres}) @> ${earthPoint}`,
      `${distanceKm(lat, lng)} <= ${p.add(q.near.radiusKm, "float8")}`,
    );
  }
  // The stay's dates as placeholders, shared by the availability filter and the stay total.
  let stay: StayDates | null = null;
  if (q.checkIn && q.checkOut && nights !== null) {
    const n = p.add(nights, "int");
    const [checkIn, checkOut] = [p.add(q.checkIn, "date"), p.add(q.checkOut, "date")];
    stay = { checkIn, checkOut, range: `daterange(${checkIn}, ${checkOut})` };
    where.push(
      `l.min_nights <= ${n} AND l.max_nights >= ${n}`,
      // `occupied` is the union of the listing's bookings and blocks as half-open [check_in,
      // check_out) ranges, so a stay may start the day another ends. Checked in the row: no probe.
      `NOT (l.occupied && ${stay.range})`,
    );
  }
  if (q.guests !== undefined) where.push(`l.capacity >= ${p.add(q.guests, "int")}`);
  if (q.bedroomsMin !== undefined) where.push(`l.bedrooms >= ${p.add(q.bedroomsMin, "int")}`);
  if (q.amenities?.length) where.push(`l.amenities @> ${p.add(q.amenities, "text[]")}`);
  if (q.instantBook !== undefined) where.push(`l.instant_book = ${p.add(q.instantBook, "boolean")}`);
  if (q.currency) where.push(`l.currency = ${p.add(q.currency, "text")}`);

  const price =
    stay && nights !== null && plan.weekendNights !== null
      ? stayTotal(p, stay, { nights, weekendNights: plan.weekendNights })
      : "l.nightly_price::bigint";
  const distance = center
    ? distanceKm(p.add(center.lat, "float8"), p.add(center.lng, "float8"))
    : "NULL::float8";

  const typeOk = q.propertyTypes?.length
    ? `b.property_type = ANY(${p.add(q.propertyTypes, "text[]")})`
    : "true";
  const priceParts: string[] = [];
  if (q.priceMin !== undefined) priceParts.push(`b.price >= ${p.add(q.priceMin, "bigint")}`);
  if (q.priceMax !== undefined) priceParts.push(`b.price <= ${p.add(q.priceMax, "bigint")}`);
  const priceOk = priceParts.length ? priceParts.join(" AND ") : "true";

  const keys = sortKeys[plan.order];
  // Rank and distance cost per row: every candidate pays only for the one that orders the page;
  // the hits get their distance computed afterwards.
  // Ratings are joined for every candidate only when they order the page; otherwise just for the hits.
  const byRating = plan.order === "rating";
  const ratingColumns = byRating
    ? ", coalesce(r.rating_avg, 0)::float8 AS rating_avg, coalesce(r.rating_count, 0) AS rating_count"
    : "";
  const ratingJoin = byRating ? " LEFT JOIN listing_ratings r ON r.listing_id = l.id" : "";
  const orderBy = [...keys.map((k) => `b.${k.column} ${k.dir}`), "b.id asc"].join(", ");
  const keyset = after ? keysetAfter(p, plan.order, after) : "true";
  const edges = p.add(plan.priceEdges, "bigint[]");
  const limit = p.add(q.limit + 1, "int");

  const text = `WITH ${preamble}base AS MATERIALIZED (
  SELECT l.id, l.property_type::text AS property_type, l.amenities, ${price} AS price,
    ${plan.order === "relevance" ? score : "0::float8"} AS score,
    ${plan.order === "distance" ? distance : "NULL::float8"} AS distance_km${ratingColumns}
  FROM listing_search l${ratingJoin}
  WHERE ${where.join("\n    AND ")}
), page AS (
  SELECT b.* FROM base b WHERE ${typeOk} AND ${priceOk} AND ${keyset} ORDER BY ${orderBy} LIMIT ${limit}
)
SELECT
  (SELECT coalesce(json_agg(json_build_object('id', l.id, 'title', l.title, 'city', l.city, 'country', l.country,
      'lat', l.lat, 'lng', l.lng, 'nightlyPrice', l.nightly_price, 'currency', l.currency, 'bedrooms', l.bedrooms,
      'capacity', l.capacity, 'instantBook', l.instant_book, 'propertyType', b.property_type, 'price', b.price,
      'score', b.score, 'distanceKm', ${plan.order === "distance" ? "b.distance_km" : distance}, 'ratingAvg', coalesce(r.rating_avg, 0)::float8,
      'ratingCount', coalesce(r.rating_count, 0),
      'coverPhotoUrl', (SELECT ph.url FROM listing_photos ph WHERE ph.listing_id = l.id ORDER BY ph.position LIMIT 1)
    ) ORDER BY ${orderBy}), '[]'::json)
   FROM page b JOIN listings l ON l.id = b.id LEFT JOIN listing_ratings r ON r.listing_id = b.id) AS hits,
  (SELECT coalesce(json_agg(json_build_object('value', t.property_type, 'count', t.n)), '[]'::json)
   FROM (SELECT b.property_type, count(*)::int AS n FROM base b WHERE ${priceOk} GROUP BY 1) t) AS property_types,
  (SELECT coalesce(json_agg(json_build_object('value', t.amenity, 'count', t.n)), '[]'::json)
   FROM (SELECT a.amenity, count(*)::int AS n FROM (SELECT unnest(b.amenities) AS amenity FROM base b
         WHERE ${typeOk} AND ${priceOk}) a GROUP BY 1) t) AS amenities,
  (SELECT coalesce(json_agg(json_build_object('bucket', t.bucket, 'count', t.n)), '[]'::json)
   FROM (SELECT width_bucket(b.price, ${edges}) AS bucket, count(*)::int AS n FROM base b WHERE ${typeOk} GROUP BY 1) t) AS price_buckets`;
  return { text, values: p.values };
}

/** The price of one night of listing `l` on `date` before overrides: weekend price on Friday/Saturday. */
const defaultNightPrice = (date: string) =>
  `CASE WHEN extract(isodow FROM ${date}) IN (5, 6) THEN coalesce(l.weekend_price, l.nightly_price) ELSE l.nightly_price END`;

/**
 * The stay's total exactly as listings.quote computes it (core's priceStay; keep them in step):
 * nights at the nightly price, Friday and Saturday nights at the weekend price when set, per-date
 * overrides instead of either, the length-of-stay discount on that subtotal (rounded, halves up),
 * plus the cleaning fee. How many weekend nights the stay has is the same for every listing, so it
 * comes in as a parameter. Overrides are looked up only for listings whose `overridden` dates meet
 * the stay, by an aggregate over the price_overrides primary key (listing_id, date).
 */
function stayTotal(
  p: Params,
  stay: StayDates,
  { nights, weekendNights }: { nights: number; weekendNights: number },
): string {
  const weekdays = p.add(nights - weekendNights, "int");
  const weekends = p.add(weekendNights, "int");
  const { checkIn, checkOut } = stay;
  const defaults = `l.nightly_price::bigint * ${weekdays} + coalesce(l.weekend_price, l.nightly_price)::bigint * ${weekends}`;
  const overrides = `price_overrides po WHERE po.listing_id = l.id AND po.date >= ${checkIn} AND po.date < ${checkOut}`;
  // Most listings have no override inside a given stay; `overridden` (their dates) says so in the row.
  const subtotal = `CASE WHEN l.overridden && ${stay.range}
      THEN (SELECT ${defaults} + coalesce(sum(po.nightly_price - ${defaultNightPrice("po.date")}), 0) FROM ${overrides})
      ELSE ${defaults} END`;
  // Which discount a stay earns depends only on its length (lengthOfStayDiscountRate).
  const percent =
    nights >= MONTHLY_DISCOUNT_NIGHTS
      ? "CASE WHEN l.monthly_discount_percent > 0 THEN l.monthly_discount_percent ELSE l.weekly_discount_percent END"
      : nights >= WEEKLY_DISCOUNT_NIGHTS
        ? "l.weekly_discount_percent"
        : null;
  const discounted = percent ? `s.subtotal - round(s.subtotal * (${percent}) / 100.0)::bigint` : "s.subtotal";
  return `(SELECT ${discounted} + l.cleaning_fee FROM (SELECT ${subtotal} AS subtotal) s)`;
}

/** Rows strictly after the cursor in the sort order: lexicographic over the keys, then the id. */
function keysetAfter(p: Params, order: SearchOrder, after: CursorPosition): string {
  const keys = sortKeys[order];
  const values = after.keys;
  const id = p.add(values[keys.length], "uuid");
  const placeholders = keys.map((k, i) => p.add(values[i], k.cast));
  const alternatives: string[] = [];
  for (let i = 0; i <= keys.length; i++) {
    const equal = keys.slice(0, i).map((k, j) => `b.${k.column} = ${placeholders[j]}`);
    const key = keys[i];
    const beyond = key
      ? `b.${key.column} ${key.dir === "asc" ? ">" : "<"} ${placeholders[i]}`
      : `b.id > ${id}`;
    alternatives.push([...equal, beyond].join(" AND "));
  }
  return `(${alternatives.map((a) => `(${a})`).join(" OR ")})`;
}
