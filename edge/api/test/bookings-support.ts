import type { CardError } from "@hometrip/contracts";
import { recordPaymentAuthorized, recordPaymentFailed } from "@hometrip/core";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { createMember, insertListing, type Member, sql } from "./calendar-support.ts";
import { withDatabase } from "./db.ts";
import { createTestClient, settle } from "./harness.ts";

export { createMember, type Member, sql };

/**
 * A published home in Lisbon (€100 a night, €20 cleaning, 2–30 nights, sleeps 4, zone UTC,
 * flexible policy) whose host can receive payouts unless told otherwise, and a guest.
 */
export async function bookableHome(tag: string, opts: { payouts?: boolean; instantBook?: boolean } = {}) {
  const host = await createMember(`${tag}-host`);
  await sql("insert into host_profiles (user_id, payouts_enabled) values ($1, $2)", [
    host.userId,
    opts.payouts ?? true,
  ]);
  const guest = await createMember(`${tag}-guest`);
  const listingId = await insertListing(host.userId);
  await sql("update listings set cancellation_policy = 'flexible', instant_book = $2 where id = $1", [
    listingId,
    opts.instantBook ?? false,
  ]);
  return { host, guest, listingId };
}

export const stay = (from: number, nights: number) => ({
  checkIn: utcDaysFromToday(from),
  checkOut: utcDaysFromToday(from + nights),
});

/** Quotes and books a stay as the web app does; the outcome as the guest sees it. */
export async function bookStay(
  guest: Member,
  listingId: string,
  from: number,
  nights: number,
  key = crypto.randomUUID(),
) {
  const api = createTestClient(guest.auth);
  const quote = await api.bookings.quote.query({ listingId, ...stay(from, nights), guests: 2 });
  if (!quote.quoteToken) throw new Error(`stay not bookable: ${quote.unavailableReason}`);
  return settle(() =>
    api.bookings.create.mutate({ quoteToken: quote.quoteToken!, guests: 2, idempotencyKey: key }),
  );
}

/** What the payments webhook does once the guest's card is authorised (the workers' handler calls the same). */
export function paymentAuthorized(bookingId: string) {
  return withDatabase((db) => recordPaymentAuthorized(db, bookingId, new Date()));
}

/** What the payments webhook does when Stripe refuses the guest's card (the workers' handler calls the same). */
export function paymentDeclined(bookingId: string, error: CardError) {
  return withDatabase((db) => recordPaymentFailed(db, bookingId, new Date(), error));
}
