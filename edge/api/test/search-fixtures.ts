import { withDatabase } from "./db.ts";

/**
 * Homes for the search router tests, written through the same driver and tunnel the Worker uses.
 * Each test file gets its own patch of map (random centre) so searches bounded to it see only
 * its own rows, whatever else the shared test database holds.
 */
export interface SearchArea {
  centre: { lat: number; lng: number };
  bounds: { north: number; south: number; east: number; west: number };
}

export function randomArea(): SearchArea {
  const lat = -50 + Math.random() * 100;
  const lng = -170 + Math.random() * 340;
  return {
    centre: { lat, lng },
    bounds: { north: lat + 0.05, south: lat - 0.05, east: lng + 0.05, west: lng - 0.05 },
  };
}

export async function insertHost(): Promise<{ hostId: string; guestId: string }> {
  return withDatabase(async (_db, pool) => {
    const { rows } = await pool.query<{ id: string }>(
      `insert into users (email, display_name) values
         ('search-host-' || gen_random_uuid() || '@x.test', 'Host'), ('search-guest-' || gen_random_uuid() || '@x.test', 'Guest')
       returning id`,
    );
    return { hostId: rows[0]!.id, guestId: rows[1]!.id };
  });
}

export async function insertHome(
  hostId: string,
  area: SearchArea,
  home: { title: string; city: string; nightly: number; northKm?: number; status?: string },
): Promise<string> {
  return withDatabase(async (_db, pool) => {
    const { rows } = await pool.query<{ id: string }>(
      `insert into listings (host_id, title, property_type, address_line1, city, country, lat, lng, timezone,
         capacity, bedrooms, beds, baths, nightly_price, cleaning_fee, currency, amenities, status)
       values ($1, $2, 'apartment', 'Main St 1', $3, 'PT', $4, $5, 'UTC', 4, 2, 2, 1, $6, 1000, 'EUR',
         '{wifi,kitchen}', $7::listing_status) returning id`,
      [
        hostId,
        home.title,
        home.city,
        area.centre.lat + (home.northKm ?? 0) / 111.2,
        area.centre.lng,
        home.nightly,
        home.status ?? "published",
      ],
    );
    const id = rows[0]!.id;
    await pool.query(
      "insert into listing_photos (listing_id, url, width, height, position) values ($1, $2, 800, 600, 0)",
      [id, `https://photos.test/${id}.jpg`],
    );
    return id;
  });
}

export async function insertStay(listingId: string, guestId: string, checkIn: string, checkOut: string) {
  await withDatabase((_db, pool) =>
    pool.query(
      `insert into bookings (listing_id, guest_id, status, check_in, check_out, guests, nightly_subtotal,
         cleaning_fee, service_fee, taxes, total, currency, idempotency_key)
       values ($1, $2, 'confirmed', $3, $4, 2, 10000, 0, 0, 0, 10000, 'EUR', gen_random_uuid()::text)`,
      [listingId, guestId, checkIn, checkOut],
    ),
  );
}

export async function renameHome(listingId: string, title: string) {
  await withDatabase((_db, pool) =>
    pool.query("update listings set title = $2 where id = $1", [listingId, title]),
  );
}
