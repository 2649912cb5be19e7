import { describe, expect, it } from "vitest";
import {
  bookableHome,
  bookStay,
  createMember,
  paymentAuthorized,
  paymentDeclined,
  sql,
  stay,
} from "./bookings-support.ts";
import { createTestClient, settle } from "./harness.ts";
import { apiKeyFor } from "./users-support.ts";

describe("bookings: a request to book from quote to cancellation", () => {
  it("quote → hold → paid request → host accepts → guest previews and cancels for exactly that refund", async () => {
    const { host, guest, listingId } = await bookableHome("bk-happy");
    const asGuest = createTestClient(guest.auth);
    const asHost = createTestClient(host.auth);

    const quote = await settle(() => asGuest.bookings.quote.query({ listingId, ...stay(30, 3), guests: 2 }));
    expect(quote.status).toBe(200);
    expect(quote.headers.get("cache-control")).toBe("private, no-store");
    // Lisbon: €300 nights + €20 cleaning, 14 % service fee, €4 per guest per night tourist tax.
    expect(quote.data).toMatchObject({
      total: 32_000,
      serviceFee: 4_480,
      taxTotal: 2_400,
      guestTotal: 38_880,
    });
    expect(quote.data.lines.map((line) => line.kind)).toEqual([
      "nights",
      "cleaning_fee",
      "service_fee",
      "tax",
    ]);
    const listed = await settle(() =>
      createTestClient().listings.quote.query({ listingId, ...stay(30, 3), guests: 2 }),
    );
    expect(listed.data.guestTotal).toBe(quote.data.guestTotal);

    const key = "happy-path-click-0001";
    const created = await settle(() =>
      asGuest.bookings.create.mutate({
        quoteToken: quote.data.quoteToken!,
        guests: 2,
        message: "Hello!",
        idempotencyKey: key,
      }),
    );
    expect(created.status).toBe(200);
    const booking = created.data.booking;
    expect(booking).toMatchObject({
      status: "pending_payment",
      total: 38_880,
      guestMessage: "Hello!",
      hostId: host.userId,
    });
    const again = await settle(() =>
      asGuest.bookings.create.mutate({ quoteToken: quote.data.quoteToken!, guests: 2, idempotencyKey: key }),
    );
    expect(again.data.booking.id).toBe(booking.id);
    // One PaymentIntent (manual capture) for the booking, created after it committed; a retry finds it.
    expect(created.data.paymentClientSecret).toMatch(/^pi_.+_secret_/);
    expect(again.data.paymentClientSecret).toBe(created.data.paymentClientSecret);
    expect(await sql("select amount, status from payments where booking_id = $1", [booking.id])).toEqual([
      { amount: 38_880, status: "pending" },
    ]);

    // The hold takes the dates at once: calendars and search read listing_occupancy.
    const nights = await createTestClient().calendar.availability.query({ listingId });
    expect(JSON.stringify(nights)).toContain(booking.checkIn);

    await paymentAuthorized(booking.id);
    const inbox = await asHost.bookings.listForHost.query({ group: "requests" });
    expect(inbox.map((b) => b.id)).toEqual([booking.id]);
    expect(inbox[0]!.secondsToRespond).toBeGreaterThan(23 * 3600);

    const accepted = await settle(() => asHost.bookings.accept.mutate({ bookingId: booking.id }));
    expect(accepted.data.status).toBe("confirmed");
    expect((await asGuest.bookings.listForGuest.query({ group: "upcoming" })).map((b) => b.id)).toEqual([
      booking.id,
    ]);

    const preview = await asGuest.bookings.previewCancellation.query({ bookingId: booking.id });
    expect(preview).toMatchObject({ policy: "flexible", cancelledBy: "guest", refund: 38_880 });
    const cancelled = await settle(() =>
      asGuest.bookings.cancel.mutate({ bookingId: booking.id, reason: "Plans changed" }),
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.data.booking).toMatchObject({
      status: "cancelled_by_guest",
      refundAmount: preview.refund,
    });
    expect((await asGuest.bookings.listForGuest.query({ group: "cancelled" })).map((b) => b.id)).toEqual([
      booking.id,
    ]);

    const events = await sql<{ from: string | null; to: string }>(
      `select payload->>'from' as "from", payload->>'to' as "to" from outbox
       where event_type = 'booking.transitioned' and payload->>'bookingId' = $1 order by occurred_at`,
      [booking.id],
    );
    expect(events).toEqual([
      { from: null, to: "pending_payment" },
      { from: "pending_payment", to: "requested" },
      { from: "requested", to: "confirmed" },
      { from: "confirmed", to: "cancelled_by_guest" },
    ]);
  });

  it("a host cancelling refunds everything; a host declining frees the dates", async () => {
    const { host, guest, listingId } = await bookableHome("bk-host-side");
    const asHost = createTestClient(host.auth);
    const first = (await bookStay(guest, listingId, 20, 2)).data.booking;
    await paymentAuthorized(first.id);
    await asHost.bookings.accept.mutate({ bookingId: first.id });
    const cancelled = await asHost.bookings.cancel.mutate({ bookingId: first.id });
    expect(cancelled.refund).toMatchObject({ cancelledBy: "host", refund: first.total });
    expect(cancelled.booking.status).toBe("cancelled_by_host");

    const second = (await bookStay(guest, listingId, 20, 2)).data.booking;
    await paymentAuthorized(second.id);
    expect((await asHost.bookings.decline.mutate({ bookingId: second.id, reason: "Sorry" })).status).toBe(
      "declined",
    );
    expect((await bookStay(guest, listingId, 20, 2)).status).toBe(200);
  });
});

describe("bookings: a declined card", () => {
  it("keeps the hold and its payment; bookings.get says why, and the next card books the same booking", async () => {
    const { guest, listingId } = await bookableHome("bk-declined", { instantBook: true });
    const asGuest = createTestClient(guest.auth);
    const created = await bookStay(guest, listingId, 30, 2, "declined-key-0001");
    const bookingId = created.data.booking.id;
    expect(created.data.booking).toMatchObject({
      paymentDeclines: 0,
      lastPaymentError: null,
      paymentAttemptsLeft: 3,
    });
    await paymentDeclined(bookingId, { code: "card_declined", decline_code: "insufficient_funds" });
    const seen = await settle(() => asGuest.bookings.get.query({ bookingId }));
    expect(seen.data).toMatchObject({
      status: "pending_payment",
      paymentDeclines: 1,
      lastPaymentError: "Your card has insufficient funds. Try another card.",
      paymentAttemptsLeft: 2,
    });
    // A reload of the checkout (same key) gets the same booking and the same intent to retry.
    const again = await bookStay(guest, listingId, 30, 2, "declined-key-0001");
    expect(again.data.booking).toMatchObject({ id: bookingId, paymentAttemptsLeft: 2 });
    expect(again.data.paymentClientSecret).toBe(created.data.paymentClientSecret);
    await paymentAuthorized(bookingId);
    expect((await asGuest.bookings.get.query({ bookingId })).status).toBe("confirmed");
  });
});

describe("bookings: errors", () => {
  it("a second guest for the same dates gets a CONFLICT saying they were just taken", async () => {
    const { guest, listingId } = await bookableHome("bk-taken");
    const other = await createMember("bk-taken-other");
    const api = createTestClient(other.auth);
    const quote = await api.bookings.quote.query({ listingId, ...stay(30, 3), guests: 2 });
    expect((await bookStay(guest, listingId, 31, 3)).status).toBe(200);
    const late = await settle(() =>
      api.bookings.create.mutate({
        quoteToken: quote.quoteToken!,
        guests: 2,
        idempotencyKey: "late-click-0001",
      }),
    );
    expect(late.status).toBe(409);
    expect(late.error?.message).toMatch(/just taken/);
    expect(await sql("select id from bookings where guest_id = $1", [other.userId])).toEqual([]);
    expect(
      await sql(
        "select p.id from payments p join bookings b on b.id = p.booking_id where b.listing_id = $1",
        [listingId],
      ),
    ).toHaveLength(1);
  });

  it("refuses a tampered quote, another number of guests, illegal transitions and a host without payouts", async () => {
    const { host, guest, listingId } = await bookableHome("bk-errors", { payouts: false });
    const api = createTestClient(guest.auth);
    const quote = await api.bookings.quote.query({ listingId, ...stay(30, 3), guests: 2 });
    const token = quote.quoteToken!;
    const tampered = await settle(() =>
      api.bookings.create.mutate({
        quoteToken: `${token.slice(0, -3)}AAA`,
        guests: 2,
        idempotencyKey: "tamper-0001",
      }),
    );
    expect(tampered.status).toBe(400);
    expect(tampered.error?.message).toMatch(/new quote/);
    const guests = await settle(() =>
      api.bookings.create.mutate({ quoteToken: token, guests: 3, idempotencyKey: "guests-0001" }),
    );
    expect(guests.status).toBe(400);

    const booking = (await bookStay(guest, listingId, 40, 2)).data.booking;
    const asHost = createTestClient(host.auth);
    // Still pending payment: nothing to accept yet.
    expect((await settle(() => asHost.bookings.accept.mutate({ bookingId: booking.id }))).status).toBe(409);
    expect(
      (await settle(() => api.bookings.previewCancellation.query({ bookingId: booking.id }))).status,
    ).toBe(409);
    await paymentAuthorized(booking.id);
    const noPayouts = await settle(() => asHost.bookings.accept.mutate({ bookingId: booking.id }));
    expect(noPayouts.status).toBe(403);
    expect(noPayouts.error?.message).toMatch(/payouts/);
    expect((await settle(() => api.bookings.withdraw.mutate({ bookingId: booking.id }))).data.status).toBe(
      "withdrawn",
    );
    expect((await settle(() => api.bookings.withdraw.mutate({ bookingId: booking.id }))).status).toBe(409);
  });
});

describe("bookings: security", () => {
  it("only the parties see a booking, and each side does only its own part", async () => {
    const { host, guest, listingId } = await bookableHome("bk-security");
    const stranger = await createMember("bk-security-stranger");
    const booking = (await bookStay(guest, listingId, 30, 2)).data.booking;
    await paymentAuthorized(booking.id);
    const asStranger = createTestClient(stranger.auth);
    expect((await settle(() => asStranger.bookings.get.query({ bookingId: booking.id }))).status).toBe(404);
    expect((await settle(() => asStranger.bookings.cancel.mutate({ bookingId: booking.id }))).status).toBe(
      404,
    );
    expect(
      (await settle(() => createTestClient(guest.auth).bookings.accept.mutate({ bookingId: booking.id })))
        .status,
    ).toBe(403);
    expect(
      (await settle(() => createTestClient(host.auth).bookings.withdraw.mutate({ bookingId: booking.id })))
        .status,
    ).toBe(403);
    expect(
      (await settle(() => createTestClient(host.auth).bookings.get.query({ bookingId: booking.id }))).status,
    ).toBe(200);
    expect(
      (await settle(() => createTestClient().bookings.quote.query({ listingId, ...stay(60, 2), guests: 1 })))
        .status,
    ).toBe(401);
    const key = await apiKeyFor(guest, ["profile:read"]);
    expect(
      (await settle(() => createTestClient(key).bookings.listForGuest.query({ group: "upcoming" }))).status,
    ).toBe(403);
    // A guest's quote token is theirs: another member cannot book with it.
    const quote = await createTestClient(guest.auth).bookings.quote.query({
      listingId,
      ...stay(60, 2),
      guests: 2,
    });
    const stolen = await settle(() =>
      asStranger.bookings.create.mutate({
        quoteToken: quote.quoteToken!,
        guests: 2,
        idempotencyKey: "stolen-0001",
      }),
    );
    expect(stolen.status).toBe(400);
    expect(await sql("select status from bookings where id = $1", [booking.id])).toEqual([
      { status: "requested" },
    ]);
  });
});
