import { AppError } from "@hometrip/contracts";
import type { DbOrTx } from "@hometrip/db";
import { isActiveAdmin } from "../auth/roles.ts";
import { type BookingWithListing, bookingNotFound, findBooking } from "./booking-record.ts";

/**
 * The checks behind the API's booking ownership bases. Someone with no part in a booking gets
 * "not found" (its id reveals nothing); the other party gets "forbidden" for what only one side
 * may do (a host cannot withdraw the guest's request, a guest cannot accept it).
 */

export async function bookingOfGuest(
  db: DbOrTx,
  bookingId: string,
  userId: string,
): Promise<BookingWithListing> {
  const found = await findBooking(db, bookingId);
  if (found.booking.guestId === userId) return found;
  if (found.listing.hostId === userId) throw new AppError("FORBIDDEN", "Only the guest can do this");
  throw bookingNotFound();
}

export async function bookingOfHost(
  db: DbOrTx,
  bookingId: string,
  userId: string,
): Promise<BookingWithListing> {
  const found = await findBooking(db, bookingId);
  if (found.listing.hostId === userId) return found;
  if (found.booking.guestId === userId) throw new AppError("FORBIDDEN", "Only the host can do this");
  throw bookingNotFound();
}

/** The guest, the host, or an admin (support reads bookings). */
export async function bookingOfParty(
  db: DbOrTx,
  bookingId: string,
  userId: string,
): Promise<BookingWithListing> {
  const found = await findBooking(db, bookingId);
  if (found.booking.guestId === userId || found.listing.hostId === userId) return found;
  if (await isActiveAdmin(db, userId)) return found;
  throw bookingNotFound();
}
