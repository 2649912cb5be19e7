import { lengthOfStayDiscountRate, percentOf } from "@hometrip/contracts";
import { addDays, todayIn } from "@hometrip/contracts/dates";
import type { SqlExecutor } from "../port.ts";
import { BOOKED_DAYS_HORIZON, type ListingDocument, storedTotals } from "./schema.ts";

interface ListingRow {
  id: string;
  title: string;
  city: string;
  region: string;
  country: string;
  place_names: string;
  lat: number;
  lng: number;
  property_type: string;
  amenities: string[];
  bedrooms: number;
  capacity: number;
  nightly_price: number;
  weekend_price: number | null;
  weekly_discount_percent: number;
  monthly_discount_percent: number;
  cleaning_fee: number;
  currency: string;
  min_nights: number;
  max_nights: number;
  instant_book: boolean;
  rating_avg: number;
  rating_count: number;
  cover_photo_url: string | null;
  created_ms: number;
  booked_days: number[];
}

// place_names: the country's names, the city's and region's other names, the nearest known
// neighbourhood: the same words the Postgres document holds (migration 0011).
const columns = `l.id, l.title, l.city, coalesce(l.region, '') AS region, l.country::text AS country, l.lat, l.lng,
  search_place_names(l.city, l.region, l.country::text, l.lat, l.lng) AS place_names,
  l.property_type::text AS property_type, l.amenities, l.bedrooms, l.capacity, l.nightly_price, l.weekend_price,
  l.weekly_discount_percent, l.monthly_discount_percent, l.cleaning_fee,
  l.currency::text AS currency, l.min_nights, l.max_nights, l.instant_book,
  coalesce(r.rating_avg, 0)::float8 AS rating_avg, coalesce(r.rating_count, 0) AS rating_count,
  (SELECT ph.url FROM listing_photos ph WHERE ph.listing_id = l.id ORDER BY ph.position LIMIT 1) AS cover_photo_url,
  (extract(epoch FROM l.created_at) * 1000)::float8 AS created_ms,
  ARRAY(
    SELECT DISTINCT (d::date - DATE '1970-01-01')
    FROM listing_occupancy o,
      generate_series(greatest(o.check_in, $1::date)::timestamp, (least(o.check_out, $2::date) - 1)::timestamp, interval '1 day') d
    WHERE o.listing_id = l.id AND o.check_out > $1::date AND o.check_in < $2::date
    ORDER BY 1
  ) AS booked_days`;

const from =
  "FROM listings l LEFT JOIN listing_ratings r ON r.listing_id = l.id WHERE l.status = 'published'";

function window(today: Date): [string, string] {
  const start = addDays(todayIn("UTC", today), -1);
  return [start, addDays(start, BOOKED_DAYS_HORIZON + 1)];
}

/** The documents of those of `ids` that are published; the others should leave the index. */
export async function loadDocuments(sql: SqlExecutor, ids: readonly string[], today: Date) {
  const { rows } = await sql.query(`SELECT ${columns} ${from} AND l.id = ANY($3::uuid[])`, [
    ...window(today),
    ids,
  ]);
  return (rows as ListingRow[]).map(toDocument);
}

/** One batch of published listings in id order, after `afterId`, for a full rebuild. */
export async function loadDocumentBatch(sql: SqlExecutor, afterId: string | null, size: number, today: Date) {
  const { rows } = await sql.query(
    `SELECT ${columns} ${from} AND ($3::uuid IS NULL OR l.id > $3::uuid) ORDER BY l.id LIMIT $4`,
    [...window(today), afterId, size],
  );
  return (rows as ListingRow[]).map(toDocument);
}

export async function countPublished(sql: SqlExecutor): Promise<number> {
  const { rows } = await sql.query("SELECT count(*)::int AS n FROM listings WHERE status = 'published'");
  return (rows[0] as { n: number }).n;
}

export const tiebreakOf = (id: string) => Number.parseInt(id.replaceAll("-", "").slice(0, 13), 16);

type DocumentPricing = Pick<
  ListingDocument,
  "nightly_price" | "weekend_price" | "weekly_discount_percent" | "monthly_discount_percent" | "cleaning_fee"
>;

/**
 * The stay total listings.quote would charge (core's priceStay), except per-date overrides, which
 * a document cannot hold: nights at the nightly price, weekend nights at the weekend price when
 * set, the length-of-stay discount on that subtotal, plus the cleaning fee.
 */
export function documentStayTotal(doc: DocumentPricing, nights: number, weekendNights: number): number {
  const weekend = doc.weekend_price ?? doc.nightly_price;
  const subtotal = doc.nightly_price * (nights - weekendNights) + weekend * weekendNights;
  const rate = lengthOfStayDiscountRate(nights, {
    weeklyDiscountPercent: doc.weekly_discount_percent,
    monthlyDiscountPercent: doc.monthly_discount_percent,
  });
  return subtotal - (rate ? percentOf(subtotal, rate.percent) : 0) + doc.cleaning_fee;
}

function toDocument(row: ListingRow): ListingDocument {
  const doc: ListingDocument = {
    id: row.id,
    title: row.title,
    city: row.city,
    region: row.region,
    country: row.country,
    place_names: row.place_names,
    location: [row.lat, row.lng],
    lat: row.lat,
    lng: row.lng,
    property_type: row.property_type,
    amenities: row.amenities,
    bedrooms: row.bedrooms,
    capacity: row.capacity,
    nightly_price: row.nightly_price,
    ...(row.weekend_price !== null && { weekend_price: row.weekend_price }),
    weekly_discount_percent: row.weekly_discount_percent,
    monthly_discount_percent: row.monthly_discount_percent,
    cleaning_fee: row.cleaning_fee,
    currency: row.currency,
    min_nights: row.min_nights,
    max_nights: row.max_nights,
    instant_book: row.instant_book,
    rating_x100: Math.round(row.rating_avg * 100),
    rating_count: row.rating_count,
    cover_photo_url: row.cover_photo_url ?? "",
    booked_days: row.booked_days.map(Number),
    tiebreak: tiebreakOf(row.id),
    created_ms: Math.floor(row.created_ms),
  };
  for (const { nights, weekendNights, field } of storedTotals) {
    doc[field as `total_${number}_${number}`] = documentStayTotal(doc, nights, weekendNights);
  }
  return doc;
}
