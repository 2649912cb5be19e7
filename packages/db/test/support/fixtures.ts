import type pg from "pg";

/** A host, a guest and one listing, inserted with plain SQL so tests read like the rows they make. */
export async function insertListingFixture(
  client: pg.Client,
): Promise<{ hostId: string; guestId: string; listingId: string }> {
  const { rows: users } = await client.query<{ id: string }>(
    `insert into users (email, display_name) values
       ('host-' || gen_random_uuid() || '@x.test', 'Host'), ('guest-' || gen_random_uuid() || '@x.test', 'Guest')
     returning id`,
  );
  const [host, guest] = users as [{ id: string }, { id: string }];
  const { rows } = await client.query<{ id: string }>(
    `insert into listings (host_id, title, property_type, address_line1, city, country, lat, lng, timezone,
       capacity, bedrooms, beds, baths, nightly_price, currency, status)
     values ($1, 'Flat in Alfama', 'apartment', 'Rua da Saudade 1', 'Lisbon', 'PT', 38.7115, -9.1305,
       'Europe/Lisbon', 4, 2, 2, 1.5, 12000, 'EUR', 'published') returning id`,
    [host.id],
  );
  return { hostId: host.id, guestId: guest.id, listingId: (rows[0] as { id: string }).id };
}

export interface StayInput {
  listingId: string;
  guestId: string;
  checkIn: string;
  checkOut: string;
  status?: string;
  guests?: number;
  nightlySubtotal?: number;
}

export async function insertBooking(client: pg.Client, stay: StayInput): Promise<string> {
  const subtotal = stay.nightlySubtotal ?? 30_000;
  const { rows } = await client.query<{ id: string }>(
    `insert into bookings (listing_id, guest_id, status, check_in, check_out, guests, nightly_subtotal,
       cleaning_fee, service_fee, taxes, total, currency, idempotency_key)
     values ($1, $2, $3, $4, $5, $6, $7, 0, 0, 0, $7, 'EUR', gen_random_uuid()::text) returning id`,
    [
      stay.listingId,
      stay.guestId,
      stay.status ?? "confirmed",
      stay.checkIn,
      stay.checkOut,
      stay.guests ?? 2,
      subtotal,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export async function insertBlock(
  client: pg.Client,
  listingId: string,
  checkIn: string,
  checkOut: string,
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    "insert into calendar_blocks (listing_id, check_in, check_out) values ($1, $2, $3) returning id",
    [listingId, checkIn, checkOut],
  );
  return (rows[0] as { id: string }).id;
}
