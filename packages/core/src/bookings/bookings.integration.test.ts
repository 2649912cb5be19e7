import { MAX_PAYMENT_DECLINES } from "@hometrip/contracts";
import { type Database, hostProfiles, listings, users } from "@hometrip/db";
import { createTunnelledDatabase, type TunnelledDatabase, utcDaysFromToday } from "@hometrip/testkit";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBooking, toBookingView } from "./booking-record.ts";
import { cancelBooking, previewCancellation } from "./cancel-booking.ts";
import { createBooking } from "./create-booking.ts";
import { acceptBookingRequest, declineBookingRequest, withdrawBookingRequest } from "./host-actions.ts";
import {
  completeBooking,
  expireBooking,
  recordPaymentAuthorized,
  recordPaymentFailed,
  sweepBookings,
} from "./lifecycle.ts";
import { quoteBooking } from "./quote-booking.ts";

let database: TunnelledDatabase;
let db: Database;
const keys = [{ kid: "t1", secret: "bookings-integration-secret-0123456789" }];
const generic = {
  code: "card_declined",
  decline_code: "generic_decline",
  message: "Your card was declined.",
};

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "core_bookings" });
  db = database.db;
});
afterAll(() => database?.close());

async function newUser(host = false, payouts = false): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({ email: `${crypto.randomUUID()}@bookings.example.com`, displayName: "Someone" })
    .returning({ id: users.id });
  if (host) await db.insert(hostProfiles).values({ userId: user!.id, payoutsEnabled: payouts });
  return user!.id;
}

async function newListing(changes: Partial<typeof listings.$inferInsert> = {}) {
  const hostId = changes.hostId ?? (await newUser(true, true));
  const [listing] = await db
    .insert(listings)
    .values({
      hostId,
      title: "Flat by the river",
      propertyType: "apartment",
      status: "published",
      addressLine1: "1 Rue Test",
      city: "Paris",
      country: "FR",
      lat: 48.85,
      lng: 2.35,
      timezone: "Europe/Paris",
      capacity: 4,
      bedrooms: 2,
      beds: 2,
      baths: 1,
      nightlyPrice: 10_000,
      cleaningFee: 2_000,
      currency: "EUR",
      cancellationPolicy: "flexible",
      ...changes,
    })
    .returning();
  return listing!;
}

const stay = (from: number, nights: number) => ({
  checkIn: utcDaysFromToday(from),
  checkOut: utcDaysFromToday(from + nights),
});

/** A fresh listing (with `changes`) and a guest who has not booked anything. */
async function listingAndGuest(changes: Partial<typeof listings.$inferInsert> = {}) {
  const listing = await newListing(changes);
  return { listing, guest: await newUser() };
}

/** The guest's quote for two guests, `nights` nights from `from` days ahead. */
const quoteStay = (listingId: string, guestId: string, from: number, nights: number, now: Date) =>
  quoteBooking(db, keys, guestId, { listingId, ...stay(from, nights), guests: 2 }, now);

async function book(
  listingId: string,
  guestId: string,
  from: number,
  nights: number,
  key = crypto.randomUUID(),
) {
  const now = new Date();
  const quote = await quoteStay(listingId, guestId, from, nights, now);
  expect(quote.quoteToken).not.toBeNull();
  return createBooking(
    db,
    keys,
    guestId,
    { quoteToken: quote.quoteToken!, guests: 2, idempotencyKey: key },
    now,
  );
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { code?: string; message: string; details?: { reason?: string } }) => ({
      code: error.code,
      reason: error.details?.reason,
      message: error.message,
    }),
  );

describe("createBooking", () => {
  it("holds the dates for 15 minutes at exactly the quoted amounts and records the event", async () => {
    const { listing, guest } = await listingAndGuest();
    const now = new Date();
    const quote = await quoteStay(listing.id, guest, 30, 3, now);
    const { booking, created } = await createBooking(
      db,
      keys,
      guest,
      { quoteToken: quote.quoteToken!, guests: 2, idempotencyKey: "first-click-1" },
      now,
    );
    expect(created).toBe(true);
    expect(booking).toMatchObject({
      status: "pending_payment",
      total: quote.guestTotal,
      taxes: quote.taxTotal,
    });
    expect(booking.expiresAt!.getTime() - now.getTime()).toBe(15 * 60_000);
    expect(booking.priceLines).toEqual(quote.lines);
    const events = await db.execute(
      sql`select payload from outbox where event_type = 'booking.transitioned' and payload->>'bookingId' = ${booking.id}`,
    );
    expect(events.rows).toEqual([
      { payload: expect.objectContaining({ from: null, to: "pending_payment", hostId: listing.hostId }) },
    ]);
  });

  it("returns the same booking for the same idempotency key, even after the quote expired", async () => {
    const { listing, guest } = await listingAndGuest();
    const now = new Date();
    const quote = await quoteStay(listing.id, guest, 30, 3, now);
    const input = { quoteToken: quote.quoteToken!, guests: 2, idempotencyKey: "same-click-1" };
    const [a, b] = await Promise.all([
      createBooking(db, keys, guest, input, now),
      createBooking(db, keys, guest, input, now),
    ]);
    expect(a.booking.id).toBe(b.booking.id);
    const later = new Date(now.getTime() + 60 * 60_000);
    expect((await createBooking(db, keys, guest, input, later)).booking.id).toBe(a.booking.id);
    const count = await db.execute(sql`select count(*)::int as n from bookings where guest_id = ${guest}`);
    expect(count.rows[0]).toEqual({ n: 1 });
  });

  it("lets exactly one of many concurrent guests have overlapping dates; the others get the clear conflict", async () => {
    const listing = await newListing();
    const guests = await Promise.all(Array.from({ length: 8 }, () => newUser()));
    const results = await Promise.all(guests.map((g, i) => errorOf(book(listing.id, g, 40 + (i % 2), 3))));
    expect(results.filter((r) => r === null)).toHaveLength(1);
    for (const failure of results.filter((r) => r !== null)) {
      expect(failure).toMatchObject({ code: "CONFLICT", reason: "dates_taken" });
      expect(failure?.message).toMatch(/just taken/);
    }
    const rows = await db.execute(
      sql`select count(*)::int as n from bookings where listing_id = ${listing.id}`,
    );
    expect(rows.rows[0]).toEqual({ n: 1 });
  });

  it("refuses a tampered or expired quote, another guest's quote, and a price changed since", async () => {
    const { listing, guest } = await listingAndGuest();
    const other = await newUser();
    const now = new Date();
    const quote = await quoteStay(listing.id, guest, 50, 2, now);
    const token = quote.quoteToken!;
    const create = (quoteToken: string, who = guest, at = now) =>
      errorOf(
        createBooking(db, keys, who, { quoteToken, guests: 2, idempotencyKey: crypto.randomUUID() }, at),
      );
    // A character the signature fully depends on (the last one also carries padding bits), changed.
    const tampered = `${token.slice(0, -3)}${token.at(-3) === "A" ? "B" : "A"}${token.slice(-2)}`;
    expect(await create(tampered)).toMatchObject({
      code: "BAD_REQUEST",
      reason: "quote_invalid",
    });
    expect(await create(token, other)).toMatchObject({ code: "BAD_REQUEST", reason: "quote_invalid" });
    expect(await create(token, guest, new Date(now.getTime() + 15 * 60_000))).toMatchObject({
      code: "CONFLICT",
      reason: "quote_expired",
    });
    await db.update(listings).set({ nightlyPrice: 12_000 }).where(eq(listings.id, listing.id));
    expect(await create(token)).toMatchObject({ code: "CONFLICT", reason: "price_changed" });
  });

  it("refuses the host's own home, too many guests and a stay inside the lead time", async () => {
    const listing = await newListing({ capacity: 1, leadTimeDays: 3 });
    expect(await errorOf(book(listing.id, listing.hostId, 30, 2))).toBeTruthy();
    const guest = await newUser();
    const now = new Date();
    const quote = await quoteStay(listing.id, guest, 1, 2, now);
    expect(quote).toMatchObject({ available: false, unavailableReason: "lead_time", quoteToken: null });
  });
});

describe("the booking's life", () => {
  it("request to book: paid → requested → accepted → cancelled by the guest with the previewed refund", async () => {
    const { listing, guest } = await listingAndGuest({ instantBook: false });
    const { booking } = await book(listing.id, guest, 30, 3);
    const now = new Date();
    expect(await recordPaymentAuthorized(db, booking.id, now)).toMatchObject({
      changed: true,
      booking: { status: "requested" },
    });
    // A redelivered or late payment event changes nothing.
    expect(await recordPaymentAuthorized(db, booking.id, now)).toMatchObject({ changed: false });
    expect(await recordPaymentFailed(db, booking.id, now)).toMatchObject({ changed: false });
    expect(await errorOf(acceptBookingRequest(db, guest, booking.id, now))).toMatchObject({
      code: "FORBIDDEN",
    });
    const accepted = await acceptBookingRequest(db, listing.hostId, booking.id, now);
    expect(accepted.booking.status).toBe("confirmed");
    expect(await errorOf(acceptBookingRequest(db, listing.hostId, booking.id, now))).toMatchObject({
      code: "CONFLICT",
    });
    const preview = previewCancellation(await findBooking(db, booking.id), guest, now);
    expect(preview.refund).toBe(booking.total); // flexible, a month ahead
    const { found } = await cancelBooking(db, guest, booking.id, "plans changed", now);
    expect(found.booking).toMatchObject({ status: "cancelled_by_guest", refundAmount: preview.refund });
    const occupied = await db.execute(
      sql`select count(*)::int as n from listing_occupancy where booking_id = ${booking.id}`,
    );
    expect(occupied.rows[0]).toEqual({ n: 0 });
  });

  it("a host without payouts cannot accept; decline and withdraw free the dates", async () => {
    const hostId = await newUser(true, false);
    const { listing, guest } = await listingAndGuest({ hostId, instantBook: true });
    const first = await book(listing.id, guest, 30, 2);
    // Instant book needs payouts too: the booking is a request.
    expect(first.booking.instantBook).toBe(false);
    await recordPaymentAuthorized(db, first.booking.id, new Date());
    expect(await errorOf(acceptBookingRequest(db, hostId, first.booking.id, new Date()))).toMatchObject({
      code: "FORBIDDEN",
      reason: "payouts_not_enabled",
    });
    expect(
      (await declineBookingRequest(db, hostId, first.booking.id, undefined, new Date())).booking.status,
    ).toBe("declined");
    const second = await book(listing.id, guest, 30, 2);
    await recordPaymentAuthorized(db, second.booking.id, new Date());
    expect((await withdrawBookingRequest(db, guest, second.booking.id, new Date())).booking.status).toBe(
      "withdrawn",
    );
    await book(listing.id, guest, 30, 2);
  });

  it("instant book confirms on payment; too many declined cards or an unpaid hold frees the dates", async () => {
    const { listing, guest } = await listingAndGuest({ instantBook: true });
    const paid = await book(listing.id, guest, 30, 2);
    expect(await recordPaymentAuthorized(db, paid.booking.id, new Date())).toMatchObject({
      booking: { status: "confirmed" },
    });
    const failed = await book(listing.id, guest, 40, 2);
    for (let i = 1; i < MAX_PAYMENT_DECLINES; i++) {
      expect(await recordPaymentFailed(db, failed.booking.id, new Date(), generic)).toMatchObject({
        booking: { status: "pending_payment", paymentDeclines: i },
      });
    }
    expect(await recordPaymentFailed(db, failed.booking.id, new Date(), generic)).toMatchObject({
      booking: { status: "payment_failed", paymentDeclines: MAX_PAYMENT_DECLINES },
    });
    // The dates are free again, and a late decline changes nothing.
    await book(listing.id, guest, 40, 2);
    expect(await recordPaymentFailed(db, failed.booking.id, new Date(), generic)).toMatchObject({
      changed: false,
    });
    const unpaid = await book(listing.id, guest, 50, 2);
    expect(await expireBooking(db, unpaid.booking.id, new Date())).toMatchObject({ changed: false });
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await expireBooking(db, unpaid.booking.id, later)).toMatchObject({
      booking: { status: "expired" },
    });
    expect(await expireBooking(db, unpaid.booking.id, later)).toMatchObject({ changed: false });
    // A payment arriving after the hold expired cannot revive it.
    expect(await recordPaymentAuthorized(db, unpaid.booking.id, later)).toMatchObject({ changed: false });
  });

  it("a declined card keeps the hold and says why; another card on the same booking then books it", async () => {
    const { listing, guest } = await listingAndGuest({ instantBook: true });
    const held = await book(listing.id, guest, 60, 2);
    const declined = await recordPaymentFailed(db, held.booking.id, new Date(), {
      code: "card_declined",
      decline_code: "insufficient_funds",
      message: "Your card has insufficient funds.",
    });
    expect(declined).toMatchObject({ changed: true, booking: { status: "pending_payment" } });
    const seen = toBookingView(await findBooking(db, held.booking.id), new Date());
    expect(seen).toMatchObject({
      status: "pending_payment",
      paymentDeclines: 1,
      lastPaymentError: "Your card has insufficient funds. Try another card.",
      paymentAttemptsLeft: MAX_PAYMENT_DECLINES - 1,
    });
    // The hold still takes the dates: nobody else can book them meanwhile.
    const other = await quoteBooking(
      db,
      keys,
      await newUser(),
      { listingId: listing.id, ...stay(60, 2), guests: 2 },
      new Date(),
    );
    expect(other).toMatchObject({ available: false, unavailableReason: "dates_taken" });
    // The guest's own hold is not taken for them: back at checkout, they pay for that booking.
    const own = await quoteBooking(
      db,
      keys,
      guest,
      { listingId: listing.id, ...stay(60, 2), guests: 2 },
      new Date(),
    );
    expect(own).toMatchObject({ available: true, unavailableReason: null });
    const otherDates = await quoteBooking(
      db,
      keys,
      guest,
      { listingId: listing.id, ...stay(61, 2), guests: 2 },
      new Date(),
    );
    expect(otherDates).toMatchObject({ available: false, unavailableReason: "dates_taken" });
    expect(await recordPaymentAuthorized(db, held.booking.id, new Date())).toMatchObject({
      booking: { status: "confirmed" },
    });
    const after = toBookingView(await findBooking(db, held.booking.id), new Date());
    expect(after).toMatchObject({ paymentDeclines: 1, lastPaymentError: null, paymentAttemptsLeft: null });
  });

  it("a declined hold still expires after its 15 minutes", async () => {
    const { listing, guest } = await listingAndGuest();
    const held = await book(listing.id, guest, 70, 2);
    await recordPaymentFailed(db, held.booking.id, new Date(), generic);
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await expireBooking(db, held.booking.id, later)).toMatchObject({ booking: { status: "expired" } });
    expect(await recordPaymentFailed(db, held.booking.id, later, generic)).toMatchObject({ changed: false });
  });

  it("the sweep expires unanswered requests and completes stays after check-out, once", async () => {
    const { listing, guest } = await listingAndGuest();
    const request = await book(listing.id, guest, 30, 2);
    await recordPaymentAuthorized(db, request.booking.id, new Date());
    const stayed = await book(listing.id, guest, 35, 2);
    await recordPaymentAuthorized(db, stayed.booking.id, new Date());
    await acceptBookingRequest(db, listing.hostId, stayed.booking.id, new Date());
    expect(await completeBooking(db, stayed.booking.id, new Date())).toMatchObject({ changed: false });
    const afterStay = new Date(Date.now() + 40 * 86_400_000);
    const swept = await sweepBookings(db, afterStay);
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    expect(swept.completed).toBeGreaterThanOrEqual(1);
    expect((await findBooking(db, request.booking.id)).booking.status).toBe("expired");
    expect((await findBooking(db, stayed.booking.id)).booking.status).toBe("completed");
    const again = await sweepBookings(db, afterStay);
    expect(again.expired + again.completed).toBe(0);
  });
});
