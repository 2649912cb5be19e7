import { env } from "cloudflare:workers";
import { parseEdgeEnv } from "@hometrip/config";
import { attachBookingToConversation, startSession } from "@hometrip/core";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { sql, withDatabase } from "./db.ts";
import { createTestClient } from "./harness.ts";
import { createHost, createPublished } from "./listings-support.ts";
import { createMember, type Member } from "./users-support.ts";

export const newClientId = () => crypto.randomUUID();

/** A host with a published listing; each test brings its own guest, so each gets its own inquiry. */
export async function createHostWithListing(tag: string) {
  const host = await createHost(tag);
  const listing = await createPublished(host, { lat: 41.15, lng: -8.61, city: "Porto" });
  return { host, listingId: listing.id };
}

/** A new guest who asked the host a first question: their inquiry. */
export async function startInquiry(listingId: string, body = "Hello! Is the flat free in June?") {
  const guest = await createMember("guest");
  const answer = await createTestClient(guest.auth).messages.startInquiry.mutate({
    listingId,
    body,
    clientId: newClientId(),
  });
  return { guest, conversationId: answer.conversationId, first: answer };
}

let bookingOffset = 20;

/**
 * A booking of the listing in `status`, given its thread the way the workers' `booking.transitioned`
 * handler does (attachBookingToConversation, the same core function).
 */
export async function bookAndAttach(listingId: string, guest: Member, host: Member, status: string) {
  bookingOffset += 5;
  const [row] = await sql<{ id: string }>(
    `insert into bookings (listing_id, guest_id, status, check_in, check_out, guests, nightly_subtotal,
       cleaning_fee, service_fee, taxes, total, currency, idempotency_key)
     values ($1, $2, $3, $4, $5, 2, 30000, 0, 0, 0, 30000, 'EUR', $6) returning id`,
    [
      listingId,
      guest.userId,
      status,
      utcDaysFromToday(bookingOffset),
      utcDaysFromToday(bookingOffset + 3),
      newClientId(),
    ],
  );
  const bookingId = row?.id as string;
  await withDatabase((db) =>
    db.transaction((tx) =>
      attachBookingToConversation(tx, { bookingId, listingId, guestId: guest.userId, hostId: host.userId }),
    ),
  );
  return bookingId;
}

/** A second signed-in device of the same member: its own session family and access token. */
export async function anotherSession(member: Member): Promise<Member> {
  const config = parseEdgeEnv(env as unknown as Record<string, unknown>);
  const tokens = await withDatabase((db) =>
    startSession(
      db,
      { userId: member.userId },
      {
        keys: config.JWT_SIGNING_KEYS,
        accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
        refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
        now: new Date(),
      },
    ),
  );
  return {
    ...member,
    accessToken: tokens.accessToken,
    auth: { authorization: `Bearer ${tokens.accessToken}` },
  };
}
