import { bookings, type Database, hostProfiles, listings, users } from "@hometrip/db";
import { barcelonaLoft } from "./sample-listing.ts";

/** Rows the payments tests (core, workers) need: a host (with a profile) and a guest, a listing, bookings. */
export async function paymentsFixture(db: Database) {
  const tag = crypto.randomUUID().slice(0, 8);
  const [host, guest] = await db
    .insert(users)
    .values([
      { email: `host-${tag}@payments.test`, displayName: "Host" },
      { email: `guest-${tag}@payments.test`, displayName: "Guest" },
    ])
    .returning({ id: users.id });
  await db.insert(hostProfiles).values({ userId: host!.id });
  const [listing] = await db.insert(listings).values(barcelonaLoft(host!.id)).returning({ id: listings.id });
  let keys = 0;
  const book = async (
    checkIn: string,
    checkOut: string,
    status: "confirmed" | "completed" | "cancelled_by_guest" = "confirmed",
  ) => {
    const [row] = await db
      .insert(bookings)
      .values({
        listingId: listing!.id,
        guestId: guest!.id,
        status,
        checkIn,
        checkOut,
        guests: 2,
        nightlySubtotal: 28_000,
        cleaningFee: 3_000,
        serviceFee: 3_920,
        taxes: 3_100,
        total: 38_020,
        currency: "EUR",
        idempotencyKey: `${tag}-${++keys}`,
      })
      .returning({ id: bookings.id });
    return row!.id;
  };
  return { hostId: host!.id, guestId: guest!.id, listingId: listing!.id, book };
}
