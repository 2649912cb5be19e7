import { type EventPayload, MAX_PAYMENT_DECLINES, type TypedEventEnvelope } from "@hometrip/contracts";
import { continueTrace } from "@hometrip/contracts/traceparent";
import {
  acceptBookingRequest,
  cancelBooking,
  createBooking,
  declineBookingRequest,
  type EventPublisher,
  type Logger,
  quoteBooking,
  recordPaymentAuthorized,
} from "@hometrip/core";
import { type Database, hostProfiles, listings, outbox, payments, users } from "@hometrip/db";
import { type StripeStandIn, startStripeStandIn } from "@hometrip/devstack";
import { createBookingPaymentIntent, createStripeClient, type Stripe } from "@hometrip/payments";
import { createTunnelledDatabase, type TunnelledDatabase, utcDaysFromToday } from "@hometrip/testkit";
import { Receiver } from "@upstash/qstash";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkerApp } from "../src/app.ts";
import {
  applyStripePaymentEvent,
  type BookingDeadlines,
  createBookingHandlers,
  type StripePaymentEvent,
} from "../src/handlers/bookings/index.ts";
import { signDelivery, signingKeys } from "./support/signing.ts";

const origin = "http://workers.test";
const keys = [{ kid: "w1", secret: "workers-bookings-secret-0123456789abcdef" }];
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

let database: TunnelledDatabase;
let db: Database;
let standIn: StripeStandIn;
let stripe: Stripe;

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "workers_bookings" });
  db = database.db;
  standIn = await startStripeStandIn({
    secretKey: "sk_test_workers_0123456789abcdef",
    publishableKey: "pk_test_workers_0123456789abcdef",
  });
  stripe = createStripeClient({ secretKey: "sk_test_workers_0123456789abcdef", apiBase: standIn.url });
}, 60_000);
afterAll(async () => {
  await standIn?.close();
  await database?.close();
});

async function newUser(host = false) {
  const [user] = await db
    .insert(users)
    .values({ email: `${crypto.randomUUID()}@workers-bookings.example.com`, displayName: "Someone" })
    .returning({ id: users.id });
  if (host) await db.insert(hostProfiles).values({ userId: user!.id, payoutsEnabled: true });
  return user!.id;
}

/** A held booking on a fresh published home (flexible policy), booked through core as the API does. */
async function heldBooking(from = 30, nights = 2) {
  const hostId = await newUser(true);
  const guestId = await newUser();
  const [listing] = await db
    .insert(listings)
    .values({
      hostId,
      title: "Cabin",
      propertyType: "cabin",
      status: "published",
      addressLine1: "1 Road",
      city: "Vancouver",
      country: "CA",
      lat: 49.2,
      lng: -123.1,
      timezone: "America/Vancouver",
      capacity: 4,
      bedrooms: 1,
      beds: 1,
      baths: 1,
      nightlyPrice: 20_000,
      cleaningFee: 5_000,
      currency: "CAD",
      cancellationPolicy: "flexible",
    })
    .returning();
  const now = new Date();
  const input = {
    listingId: listing!.id,
    checkIn: utcDaysFromToday(from),
    checkOut: utcDaysFromToday(from + nights),
    guests: 2,
  };
  const quote = await quoteBooking(db, keys, guestId, input, now);
  const { booking } = await createBooking(
    db,
    keys,
    guestId,
    { quoteToken: quote.quoteToken!, guests: 2, idempotencyKey: crypto.randomUUID() },
    now,
  );
  return { booking, hostId, guestId };
}

/** The booking's PaymentIntent at the stand-in and its payments row, as bookings.create makes them. */
async function intentFor(
  booking: { id: string; total: number; currency: string; listingId: string },
  guestId: string,
) {
  const intent = await createBookingPaymentIntent(stripe, {
    bookingId: booking.id,
    amount: booking.total,
    currency: booking.currency,
    guestId,
    listingId: booking.listingId,
  });
  await db.insert(payments).values({
    bookingId: booking.id,
    amount: booking.total,
    currency: booking.currency,
    providerPaymentId: intent.id,
  });
  return intent;
}

function postJob(path: string, body: unknown, clock: () => Date) {
  const published: unknown[] = [];
  const publisher: EventPublisher = { publish: async (envelope) => void published.push(envelope) };
  const app = createWorkerApp({
    db,
    publisher,
    log: silent,
    clock,
    publicUrl: origin,
    receiver: new Receiver({ currentSigningKey: signingKeys.current, nextSigningKey: signingKeys.next }),
  });
  const raw = JSON.stringify(body);
  return Promise.resolve(
    app.request(`${origin}${path}`, {
      method: "POST",
      headers: {
        "upstash-signature": signDelivery({ url: `${origin}${path}`, body: raw }),
        "content-type": "application/json",
      },
      body: raw,
    }),
  ).then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> }));
}

const statusOf = async (bookingId: string) =>
  (await db.execute(sql`select status from bookings where id = ${bookingId}`)).rows[0]?.status;

describe("booking deadlines", () => {
  it("expire an unpaid hold only once its 15 minutes are over, once", async () => {
    const { booking } = await heldBooking();
    const early = await postJob("/jobs/booking-deadline", { bookingId: booking.id }, () => new Date());
    expect(early).toMatchObject({ status: 200, body: { changed: false } });
    const late = () => new Date(Date.now() + 16 * 60_000);
    expect(await postJob("/jobs/booking-deadline", { bookingId: booking.id }, late)).toMatchObject({
      body: { changed: true, status: "expired" },
    });
    expect(await postJob("/jobs/booking-deadline", { bookingId: booking.id }, late)).toMatchObject({
      body: { changed: false },
    });
    expect(await statusOf(booking.id)).toBe("expired");
  });

  it("the sweep expires unanswered requests and completes stays after check-out", async () => {
    const request = await heldBooking(10, 2);
    await recordPaymentAuthorized(db, request.booking.id, new Date());
    const stay = await heldBooking(12, 2);
    await recordPaymentAuthorized(db, stay.booking.id, new Date());
    await acceptBookingRequest(db, stay.hostId, stay.booking.id, new Date());
    const after = () => new Date(Date.now() + 20 * 86_400_000);
    const swept = await postJob("/jobs/booking-sweep", {}, after);
    expect(swept.status).toBe(200);
    expect(await statusOf(request.booking.id)).toBe("expired");
    expect(await statusOf(stay.booking.id)).toBe("completed");
    expect(await postJob("/jobs/booking-deadline", { bookingId: stay.booking.id }, after)).toMatchObject({
      body: { changed: false },
    });
  });

  it("refuses a job that is not a booking deadline", async () => {
    expect((await postJob("/jobs/booking-deadline", { bookingId: "nope" }, () => new Date())).status).toBe(
      400,
    );
  });
});

describe("booking.transitioned moves the money once and schedules the next deadline", () => {
  const scheduled: { bookingId: string; at: Date }[] = [];
  const deadlines: BookingDeadlines = {
    schedule: async (bookingId, at) => void scheduled.push({ bookingId, at }),
  };

  async function deliver(bookingId: string, to: string) {
    const [row] = await db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.eventType, "booking.transitioned"),
          sql`${outbox.payload}->>'bookingId' = ${bookingId}`,
          sql`${outbox.payload}->>'to' = ${to}`,
        ),
      );
    const event = {
      id: row!.id,
      type: "booking.transitioned",
      version: 1,
      occurredAt: row!.occurredAt.toISOString(),
      payload: row!.payload as EventPayload<"booking.transitioned">,
    } as TypedEventEnvelope<"booking.transitioned">;
    // Twice: a redelivery must not capture or refund again.
    for (let i = 0; i < 2; i++) {
      await db.transaction((tx) =>
        createBookingHandlers({ stripe, deadlines })["booking.transitioned"]({
          tx,
          event,
          log: silent,
          now: new Date(),
          trace: continueTrace(null),
        }),
      );
    }
  }

  /** A held booking with its PaymentIntent created and recorded, as the API's post-commit step leaves it. */
  async function heldBookingWithIntent(from: number, nights: number) {
    const held = await heldBooking(from, nights);
    return { ...held, intent: await intentFor(held.booking, held.guestId) };
  }

  /** The guest's card authorises the hold: the booking becomes a request. */
  async function authorise(bookingId: string, intentId: string) {
    await stripe.paymentIntents.confirm(intentId, { payment_method: "pm_card_visa" });
    await recordPaymentAuthorized(db, bookingId, new Date());
  }

  it("captures on confirmation and refunds the policy's amount on cancellation, each once", async () => {
    const { booking, hostId, guestId, intent } = await heldBookingWithIntent(40, 3);
    await deliver(booking.id, "pending_payment");
    expect(scheduled.find((s) => s.bookingId === booking.id)?.at).toEqual(booking.expiresAt);

    await authorise(booking.id, intent.id);
    await acceptBookingRequest(db, hostId, booking.id, new Date());
    await deliver(booking.id, "confirmed");
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe("succeeded");

    await cancelBooking(db, guestId, booking.id, undefined, new Date());
    await deliver(booking.id, "cancelled_by_guest");
    const refunds = await stripe.refunds.list({ payment_intent: intent.id });
    expect(refunds.data.map((r) => r.amount)).toEqual([booking.total]);
    const [payment] = await db.select().from(payments).where(eq(payments.bookingId, booking.id));
    expect(payment?.status).toBe("refunded");
  });

  it("voids the hold when a request is declined", async () => {
    const { booking, hostId, intent } = await heldBookingWithIntent(50, 2);
    await authorise(booking.id, intent.id);
    await declineBookingRequest(db, hostId, booking.id, undefined, new Date());
    await deliver(booking.id, "declined");
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe("canceled");
  });

  it("cancels the intent when the last allowed declined card ends the hold, so no later card is held", async () => {
    const { booking, guestId } = await heldBooking(55, 2);
    const intent = await intentFor(booking, guestId);
    for (let i = 0; i < MAX_PAYMENT_DECLINES; i++) {
      await stripe.paymentIntents
        .confirm(intent.id, { payment_method: "pm_card_chargeDeclined" })
        .catch(() => null);
      const declined = await stripe.paymentIntents.retrieve(intent.id);
      await applyStripePaymentEvent(
        db,
        { type: "payment_intent.payment_failed", data: { object: declined as never } },
        new Date(),
      );
    }
    expect(await statusOf(booking.id)).toBe("payment_failed");
    await deliver(booking.id, "payment_failed");
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe("canceled");
    await expect(
      stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" }),
    ).rejects.toMatchObject({ statusCode: 400 });
    const [payment] = await db.select().from(payments).where(eq(payments.bookingId, booking.id));
    expect(payment?.status).toBe("failed");
  });
});

describe("Stripe payment events move bookings through the state machine", () => {
  /** Applies Stripe's `type` event about the booking's PaymentIntent, as the webhook's delivery does. */
  const intentEvent = (type: string, bookingId: string, now = new Date(), responseSeconds?: number) =>
    applyStripePaymentEvent(
      db,
      { type, data: { object: { object: "payment_intent", metadata: { bookingId } } } },
      now,
      responseSeconds,
    );
  const failedEvent = (intent: Stripe.PaymentIntent) => ({
    type: "payment_intent.payment_failed",
    data: { object: intent as unknown as StripePaymentEvent["data"]["object"] },
  });

  it("an authorised card makes a request; a late failure or a redelivery changes nothing", async () => {
    const { booking } = await heldBooking(60, 2);
    const now = new Date();
    expect(await intentEvent("payment_intent.amount_capturable_updated", booking.id, now)).toMatchObject({
      changed: true,
      booking: { status: "requested" },
    });
    expect(await intentEvent("payment_intent.amount_capturable_updated", booking.id, now)).toMatchObject({
      changed: false,
    });
    expect(await intentEvent("payment_intent.payment_failed", booking.id, now)).toMatchObject({
      changed: false,
    });
    expect(await statusOf(booking.id)).toBe("requested");
  });

  it("a request's deadline is the configured response window after the authorisation", async () => {
    const { booking } = await heldBooking(75, 2);
    const now = new Date();
    const outcome = await intentEvent("payment_intent.amount_capturable_updated", booking.id, now, 45);
    expect(outcome).toMatchObject({ changed: true, booking: { status: "requested" } });
    expect(outcome?.changed && outcome.booking.respondBy?.getTime()).toBe(now.getTime() + 45_000);
  });

  it("a declined card keeps the hold with its reason; another card on the same intent books it", async () => {
    const { booking, guestId } = await heldBooking(70, 2);
    const intent = await intentFor(booking, guestId);
    // The stand-in answers a decline as Stripe does: 402, the intent back in requires_payment_method.
    const refused = await stripe.paymentIntents
      .confirm(intent.id, { payment_method: "pm_card_chargeDeclinedInsufficientFunds" })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ statusCode: 402, decline_code: "insufficient_funds" });
    const declined = await stripe.paymentIntents.retrieve(intent.id);
    expect(declined).toMatchObject({
      status: "requires_payment_method",
      last_payment_error: { decline_code: "insufficient_funds" },
    });
    expect(await applyStripePaymentEvent(db, failedEvent(declined), new Date())).toMatchObject({
      changed: true,
      booking: {
        status: "pending_payment",
        paymentDeclines: 1,
        lastPaymentError: "Your card has insufficient funds. Try another card.",
      },
    });
    const held = await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    expect(held).toMatchObject({ status: "requires_capture", last_payment_error: null });
    expect(
      await intentEvent("payment_intent.amount_capturable_updated", booking.id, new Date()),
    ).toMatchObject({ booking: { status: "requested", lastPaymentError: null } });
  });

  it("the third declined card ends the hold; events for no booking are ignored", async () => {
    const { booking } = await heldBooking(80, 2);
    for (let i = 1; i < MAX_PAYMENT_DECLINES; i++) {
      expect(await intentEvent("payment_intent.payment_failed", booking.id, new Date())).toMatchObject({
        booking: { status: "pending_payment", paymentDeclines: i },
      });
    }
    expect(await intentEvent("payment_intent.payment_failed", booking.id, new Date())).toMatchObject({
      booking: { status: "payment_failed", lastPaymentError: "The payment did not go through." },
    });
    expect(
      await applyStripePaymentEvent(db, { type: "charge.succeeded", data: { object: {} } }, new Date()),
    ).toBeNull();
  });
});
