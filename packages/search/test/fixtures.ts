import { addDays, todayIn } from "@hometrip/contracts/dates";
import type pg from "pg";

/** ISO date `offset` days from today (UTC); fixtures live in the near future so every index sees them. */
export const day = (offset: number): string => addDays(todayIn("UTC", new Date()), offset);

export interface ListingSpec {
  key: string;
  title: string;
  type: string;
  city: string;
  country: string;
  currency?: string;
  lat: number;
  lng: number;
  capacity: number;
  bedrooms: number;
  nightly: number;
  cleaning: number;
  minNights?: number;
  maxNights?: number;
  instant: boolean;
  amenities: string[];
  status?: "published" | "draft" | "unlisted";
  ratings?: number[];
}

/**
 * The shared world of the contract suite. Prices in cents. L1's cleaning fee is high on purpose:
 * for 3 nights it costs more than L8 although its nightly price is lower.
 */
export const listingSpecs: ListingSpec[] = [
  {
    key: "L1",
    title: "Sunny loft in Alfama",
    type: "loft",
    city: "Lisbon",
    country: "PT",
    lat: 38.7115,
    lng: -9.1305,
    capacity: 4,
    bedrooms: 2,
    nightly: 10_000,
    cleaning: 7_000,
    instant: true,
    amenities: ["kitchen", "washer", "wifi"],
    ratings: [5, 5],
  },
  {
    key: "L2",
    title: "Quiet apartment in Baixa",
    type: "apartment",
    city: "Lisbon",
    country: "PT",
    lat: 38.71,
    lng: -9.137,
    capacity: 2,
    bedrooms: 1,
    nightly: 8_000,
    cleaning: 3_000,
    minNights: 2,
    maxNights: 14,
    instant: false,
    amenities: ["kitchen", "wifi"],
    ratings: [4],
  },
  {
    key: "L3",
    title: "Family house near Belem",
    type: "house",
    city: "Lisbon",
    country: "PT",
    lat: 38.697,
    lng: -9.206,
    capacity: 8,
    bedrooms: 4,
    nightly: 25_000,
    cleaning: 5_000,
    minNights: 3,
    maxNights: 60,
    instant: true,
    amenities: ["kitchen", "parking", "pool", "washer", "wifi"],
    ratings: [5, 4],
  },
  {
    key: "L4",
    title: "Riverside villa with garden",
    type: "villa",
    city: "Cascais",
    country: "PT",
    lat: 38.6979,
    lng: -9.4215,
    capacity: 10,
    bedrooms: 5,
    nightly: 60_000,
    cleaning: 10_000,
    minNights: 5,
    maxNights: 90,
    instant: false,
    amenities: ["kitchen", "parking", "pool", "wifi"],
  },
  {
    key: "L5",
    title: "Draft cabin in Lisbon hills",
    type: "cabin",
    city: "Lisbon",
    country: "PT",
    lat: 38.72,
    lng: -9.14,
    capacity: 2,
    bedrooms: 1,
    nightly: 5_000,
    cleaning: 0,
    instant: true,
    amenities: ["wifi"],
    status: "draft",
  },
  {
    key: "L6",
    title: "Unlisted studio in Lisbon",
    type: "apartment",
    city: "Lisbon",
    country: "PT",
    lat: 38.715,
    lng: -9.135,
    capacity: 2,
    bedrooms: 0,
    nightly: 6_000,
    cleaning: 0,
    instant: true,
    amenities: ["wifi"],
    status: "unlisted",
  },
  {
    key: "L7",
    title: "Ribeira apartment with view",
    type: "apartment",
    city: "Porto",
    country: "PT",
    lat: 41.1405,
    lng: -8.611,
    capacity: 3,
    bedrooms: 1,
    nightly: 9_000,
    cleaning: 1_500,
    maxNights: 28,
    instant: true,
    amenities: ["balcony", "kitchen", "wifi"],
    ratings: [3],
  },
  {
    key: "L8",
    title: "Cozy cottage by the Douro",
    type: "cottage",
    city: "Porto",
    country: "PT",
    lat: 41.145,
    lng: -8.62,
    capacity: 4,
    bedrooms: 2,
    nightly: 12_000,
    cleaning: 0,
    instant: false,
    amenities: ["fireplace", "wifi"],
    ratings: [4, 4],
  },
  {
    key: "L9",
    title: "Shibuya condo near the crossing",
    type: "condo",
    city: "Tokyo",
    country: "JP",
    currency: "JPY",
    lat: 35.6595,
    lng: 139.7005,
    capacity: 2,
    bedrooms: 1,
    nightly: 15_000,
    cleaning: 5_000,
    instant: true,
    amenities: ["air_conditioning", "wifi"],
  },
  {
    key: "L10",
    title: "Beach bure on the reef",
    type: "cabin",
    city: "Taveuni",
    country: "FJ",
    currency: "FJD",
    lat: -16.85,
    lng: 179.95,
    capacity: 2,
    bedrooms: 1,
    nightly: 20_000,
    cleaning: 2_000,
    instant: false,
    amenities: ["beach_access"],
  },
  {
    key: "L11",
    title: "Seaside fale in Apia",
    type: "guesthouse",
    city: "Apia",
    country: "WS",
    currency: "WST",
    lat: -13.83,
    lng: -171.76,
    capacity: 3,
    bedrooms: 1,
    nightly: 11_000,
    cleaning: 1_000,
    instant: true,
    amenities: ["beach_access", "wifi"],
  },
];

export type Ids = Record<string, string>;

export interface Fixture {
  ids: Ids;
  hostId: string;
  guestId: string;
}

/** A host and a guest with addresses of their own, so suites sharing a database never collide. */
export async function insertHostAndGuest(client: pg.Client): Promise<{ hostId: string; guestId: string }> {
  const { rows } = await client.query<{ id: string }>(
    `insert into users (email, display_name) values
       ('host-' || gen_random_uuid() || '@search.test', 'Host'), ('guest-' || gen_random_uuid() || '@search.test', 'Guest')
     returning id`,
  );
  const [hostId, guestId] = rows.map((r) => r.id) as [string, string];
  return { hostId, guestId };
}

/** Inserts the world: users, listings with a cover photo, reviews on past stays, and the L1 calendar. */
export async function insertFixture(client: pg.Client): Promise<Fixture> {
  const { hostId, guestId } = await insertHostAndGuest(client);
  const ids: Ids = {};
  for (const spec of listingSpecs) {
    ids[spec.key] = await insertListing(client, hostId, spec);
    let past = -60;
    for (const rating of spec.ratings ?? []) {
      const bookingId = await insertBooking(
        client,
        ids[spec.key]!,
        guestId,
        day(past),
        day(past + 2),
        "completed",
      );
      past += 3;
      await client.query(
        `insert into reviews (booking_id, listing_id, author_id, kind, rating, body)
         values ($1, $2, $3, 'of_listing', $4, 'Lovely')`,
        [bookingId, ids[spec.key], guestId, rating],
      );
    }
  }
  const l1 = ids.L1!;
  await insertBooking(client, l1, guestId, day(10), day(15), "confirmed");
  await insertBlock(client, l1, day(20), day(22));
  await insertBooking(client, l1, guestId, day(30), day(35), "cancelled_by_guest");
  return { ids, hostId, guestId };
}

export async function insertListing(client: pg.Client, hostId: string, spec: ListingSpec): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `insert into listings (host_id, title, property_type, address_line1, city, country, lat, lng, timezone,
       capacity, bedrooms, beds, baths, nightly_price, cleaning_fee, currency, min_nights, max_nights,
       instant_book, amenities, status, published_at)
     values ($1, $2, $3, 'Street 1', $4, $5, $6, $7, 'UTC', $8, $9, greatest($9, 1), 1, $10, $11, $12, $13, $14,
       $15, $16, $17::listing_status, case when $17::listing_status = 'published' then now() end)
     returning id`,
    [
      hostId,
      spec.title,
      spec.type,
      spec.city,
      spec.country,
      spec.lat,
      spec.lng,
      spec.capacity,
      spec.bedrooms,
      spec.nightly,
      spec.cleaning,
      spec.currency ?? "EUR",
      spec.minNights ?? 1,
      spec.maxNights ?? 365,
      spec.instant,
      spec.amenities,
      spec.status ?? "published",
    ],
  );
  const id = (rows[0] as { id: string }).id;
  await client.query(
    `insert into listing_photos (listing_id, url, width, height, position)
     values ($1, $2, 1600, 1200, 0), ($1, $3, 1600, 1200, 1)`,
    [id, `https://photos.test/${id}/cover.jpg`, `https://photos.test/${id}/second.jpg`],
  );
  return id;
}

export async function insertBooking(
  client: pg.Client,
  listingId: string,
  guestId: string,
  checkIn: string,
  checkOut: string,
  status: string,
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `insert into bookings (listing_id, guest_id, status, check_in, check_out, guests, nightly_subtotal,
       cleaning_fee, service_fee, taxes, total, currency, idempotency_key)
     values ($1, $2, $3, $4, $5, 2, 10000, 0, 0, 0, 10000, 'EUR', gen_random_uuid()::text) returning id`,
    [listingId, guestId, status, checkIn, checkOut],
  );
  return (rows[0] as { id: string }).id;
}

export async function insertBlock(client: pg.Client, listingId: string, checkIn: string, checkOut: string) {
  await client.query("insert into calendar_blocks (listing_id, check_in, check_out) values ($1, $2, $3)", [
    listingId,
    checkIn,
    checkOut,
  ]);
}
