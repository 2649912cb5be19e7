import { env } from "cloudflare:workers";
import { parseEdgeEnv } from "@hometrip/config";
import { startSession } from "@hometrip/core";
import { appRouter } from "../src/router.ts";
import { createCallerFactory } from "../src/trpc.ts";
import { sql, withDatabase } from "./db.ts";
import { withRequestContext } from "./harness.ts";
import { createMember, type Member } from "./users-support.ts";

export { createMember, type Member, sql };

/** A listing row written directly (the listings router is tested on its own); €100 a night. */
export async function insertListing(
  hostId: string,
  status: "draft" | "published" = "published",
  timezone = "UTC",
) {
  const [row] = await sql<{ id: string }>(
    `insert into listings (host_id, title, property_type, address_line1, city, country, lat, lng, timezone,
       capacity, bedrooms, beds, baths, nightly_price, cleaning_fee, currency, min_nights, max_nights, status)
     values ($1, 'Calendar test home', 'house', 'Rua 1', 'Lisbon', 'PT', 38.7, -9.1, $3,
       4, 2, 2, 1, 10000, 2000, 'EUR', 2, 30, $2::listing_status) returning id`,
    [hostId, status, timezone],
  );
  return row!.id;
}

const createAppCaller = createCallerFactory(appRouter);
type CalendarCaller = ReturnType<typeof createAppCaller>["calendar"];

/**
 * Runs `use` against the calendar procedures as the Worker serves them (real services, database and
 * outbox relay) with the clock stopped at `now`, so a rule about the listing's "today" can be pinned
 * to an instant where its zone and UTC disagree. The member signs in with a session started at `now`.
 */
export async function withCalendarAt<T>(
  now: Date,
  member: Member,
  use: (calendar: CalendarCaller) => Promise<T>,
): Promise<T> {
  const config = parseEdgeEnv(env as unknown as Record<string, unknown>);
  const { accessToken } = await withDatabase((db) =>
    startSession(
      db,
      { userId: member.userId },
      {
        keys: config.JWT_SIGNING_KEYS,
        accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
        refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
        now,
      },
    ),
  );
  return withRequestContext(
    { headers: { authorization: `Bearer ${accessToken}` }, clock: { now: () => now } },
    (ctx) => use(createAppCaller(ctx).calendar),
  );
}

/** A booking as the booking flow would leave it; only the dates matter to the calendar. */
export async function insertBooking(listingId: string, guestId: string, from: string, to: string) {
  const [row] = await sql<{ id: string }>(
    `insert into bookings (listing_id, guest_id, status, check_in, check_out, guests, nightly_subtotal,
       cleaning_fee, service_fee, taxes, total, currency, idempotency_key)
     values ($1, $2, 'confirmed', $3, $4, 2, 30000, 2000, 0, 0, 32000, 'EUR', gen_random_uuid()::text)
     returning id`,
    [listingId, guestId, from, to],
  );
  return row!.id;
}

/** A host with one listing, and a guest with a confirmed stay on it. */
export async function hostWithListing(
  tag: string,
  status: "draft" | "published" = "published",
  timezone = "UTC",
) {
  const host = await createMember(`${tag}-host`);
  await sql("insert into host_profiles (user_id) values ($1)", [host.userId]);
  const guest = await createMember(`${tag}-guest`);
  const listingId = await insertListing(host.userId, status, timezone);
  return { host, guest, listingId };
}

export async function listingChangedEvents(listingId: string) {
  return sql<{ payload: { cause: string } }>(
    `select payload from outbox where event_type = 'listing.changed' and payload->'listingIds' ? $1`,
    [listingId],
  );
}
