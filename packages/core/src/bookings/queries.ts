import type { BookingStatus, BookingView } from "@hometrip/contracts";
import { bookings, type DbOrTx, listings } from "@hometrip/db";
import { and, asc, desc, eq, gt, inArray, lte, or, type SQL } from "drizzle-orm";
import { toBookingView } from "./booking-record.ts";

const LIST_LIMIT = 100;
const ended: BookingStatus[] = [
  "declined",
  "expired",
  "withdrawn",
  "payment_failed",
  "cancelled_by_guest",
  "cancelled_by_host",
];

const todayUtc = (now: Date) => now.toISOString().slice(0, 10);

async function list(
  db: DbOrTx,
  who: SQL,
  which: SQL | undefined,
  order: SQL[],
  now: Date,
): Promise<BookingView[]> {
  const rows = await db
    .select({ booking: bookings, listing: listings })
    .from(bookings)
    .innerJoin(listings, eq(listings.id, bookings.listingId))
    .where(and(who, which))
    .orderBy(...order)
    .limit(LIST_LIMIT);
  return rows.map((row) => toBookingView(row, now));
}

/** A guest's trips: upcoming (held, requested, confirmed and not over), past, cancelled or otherwise ended. */
export function listGuestTrips(
  db: DbOrTx,
  guestId: string,
  group: "upcoming" | "past" | "cancelled",
  now: Date,
): Promise<BookingView[]> {
  const today = todayUtc(now);
  const who = eq(bookings.guestId, guestId);
  switch (group) {
    case "upcoming":
      return list(
        db,
        who,
        and(
          inArray(bookings.status, ["pending_payment", "requested", "confirmed"]),
          gt(bookings.checkOut, today),
        ),
        [asc(bookings.checkIn)],
        now,
      );
    case "past":
      return list(
        db,
        who,
        or(
          eq(bookings.status, "completed"),
          and(eq(bookings.status, "confirmed"), lte(bookings.checkOut, today)),
        ),
        [desc(bookings.checkIn)],
        now,
      );
    case "cancelled":
      return list(db, who, inArray(bookings.status, ended), [desc(bookings.statusChangedAt)], now);
  }
}

/** A host's reservations inbox: open requests (soonest deadline first), upcoming stays, past stays. */
export function listHostReservations(
  db: DbOrTx,
  hostId: string,
  group: "requests" | "upcoming" | "past",
  now: Date,
): Promise<BookingView[]> {
  const today = todayUtc(now);
  const who = eq(listings.hostId, hostId);
  switch (group) {
    case "requests":
      return list(
        db,
        who,
        and(eq(bookings.status, "requested"), gt(bookings.respondBy, now)),
        [asc(bookings.respondBy)],
        now,
      );
    case "upcoming":
      return list(
        db,
        who,
        and(eq(bookings.status, "confirmed"), gt(bookings.checkOut, today)),
        [asc(bookings.checkIn)],
        now,
      );
    case "past":
      return list(
        db,
        who,
        or(
          eq(bookings.status, "completed"),
          and(eq(bookings.status, "confirmed"), lte(bookings.checkOut, today)),
        ),
        [desc(bookings.checkIn)],
        now,
      );
  }
}
