import {
  type BookingStatus,
  type CardError,
  declineMessage,
  MAX_PAYMENT_DECLINES,
  REQUEST_RESPONSE_HOURS,
} from "@hometrip/contracts";
import { type Booking, bookings, type Database, type Tx } from "@hometrip/db";
import { and, eq, lte, or } from "drizzle-orm";
import { type BookingWithListing, lockBooking, transitionBooking } from "./booking-record.ts";
import { canTransition } from "./state-machine.ts";
import { zonedInstant } from "./zoned-time.ts";

/**
 * What time and payments do to bookings (the workers call these from QStash deliveries and the
 * sweep). Each one is idempotent: it locks the booking, and when the booking is no longer where
 * the step applies (already expired, already confirmed, a late or repeated event) it does
 * nothing and says why. The state machine decides, so events arriving out of order are harmless.
 */
export type LifecycleOutcome = { changed: true; booking: Booking } | { changed: false; reason: string };

type Decision = { to: BookingStatus; changes?: Partial<Booking> } | null;

async function step(
  db: Database,
  bookingId: string,
  now: Date,
  decide: (found: BookingWithListing) => Decision,
): Promise<LifecycleOutcome> {
  return db.transaction(async (tx: Tx) => {
    const found = await lockBooking(tx, bookingId);
    const decision = decide(found);
    if (!decision || !canTransition(found.booking.status, decision.to)) {
      return { changed: false, reason: `nothing to do: the booking is ${found.booking.status}` };
    }
    return { changed: true, booking: await transitionBooking(tx, found, decision.to, now, decision.changes) };
  });
}

/**
 * The guest's payment is authorised: instant book confirms, a request gives the host
 * `responseSeconds` to answer (24 h unless the workers' settings say otherwise).
 */
export function recordPaymentAuthorized(
  db: Database,
  bookingId: string,
  now: Date,
  responseSeconds: number = REQUEST_RESPONSE_HOURS * 3_600,
): Promise<LifecycleOutcome> {
  return step(db, bookingId, now, ({ booking }) => {
    if (booking.status !== "pending_payment") return null;
    return booking.instantBook
      ? { to: "confirmed", changes: { confirmedAt: now, expiresAt: null, lastPaymentError: null } }
      : {
          to: "requested",
          changes: {
            expiresAt: null,
            lastPaymentError: null,
            respondBy: new Date(now.getTime() + responseSeconds * 1_000),
          },
        };
  });
}

/**
 * A card was declined on the booking's PaymentIntent (`payment_intent.payment_failed`). Stripe
 * leaves the intent in `requires_payment_method`, so the guest may try another card while the
 * hold lasts: the booking stays `pending_payment` with the decline counted and its sentence kept
 * for `bookings.get`. The MAX_PAYMENT_DECLINES-th decline ends it as `payment_failed` (the
 * workers then cancel the intent), freeing the dates. The hold's own expiry still ends it as
 * `expired`. Each delivery of an event runs once (processed_events), so a redelivery counts once.
 */
export function recordPaymentFailed(
  db: Database,
  bookingId: string,
  now: Date,
  error?: CardError | null,
): Promise<LifecycleOutcome> {
  return db.transaction(async (tx: Tx) => {
    const found = await lockBooking(tx, bookingId);
    const { booking } = found;
    if (booking.status !== "pending_payment") {
      return { changed: false, reason: `nothing to do: the booking is ${booking.status}` };
    }
    const changes = { paymentDeclines: booking.paymentDeclines + 1, lastPaymentError: declineMessage(error) };
    if (changes.paymentDeclines >= MAX_PAYMENT_DECLINES) {
      return { changed: true, booking: await transitionBooking(tx, found, "payment_failed", now, changes) };
    }
    const [updated] = await tx
      .update(bookings)
      .set({ ...changes, updatedAt: now })
      .where(eq(bookings.id, booking.id))
      .returning();
    if (!updated) throw new Error("booking update returned no row");
    return { changed: true, booking: updated };
  });
}

/** An unpaid hold past its 15 minutes, or a request the host left unanswered past its deadline. */
export function expireBooking(db: Database, bookingId: string, now: Date): Promise<LifecycleOutcome> {
  return step(db, bookingId, now, ({ booking }) => {
    const deadline = booking.status === "pending_payment" ? booking.expiresAt : booking.respondBy;
    if (booking.status !== "pending_payment" && booking.status !== "requested") return null;
    return deadline && deadline <= now ? { to: "expired" } : null;
  });
}

/** When a confirmed stay is over: check-out time on check-out day, in the listing's zone. */
export function checkOutInstant({ booking, listing }: BookingWithListing): Date {
  return zonedInstant(booking.checkOut, listing.checkOutTime.slice(0, 5), listing.timezone);
}

/** A confirmed stay after check-out becomes completed. */
export function completeBooking(db: Database, bookingId: string, now: Date): Promise<LifecycleOutcome> {
  return step(db, bookingId, now, (found) =>
    found.booking.status === "confirmed" && checkOutInstant(found) <= now ? { to: "completed" } : null,
  );
}

/**
 * Bookings whose deadline has passed (holds, requests) or whose stay may be over (confirmed, with
 * check-out on or before today in UTC+14, the zone that reaches a date first), for the sweep;
 * each still goes through its step, which checks the exact check-out time in the listing's zone.
 */
export async function dueBookings(
  db: Database,
  now: Date,
  limit: number,
): Promise<{ id: string; status: BookingStatus }[]> {
  const earliestToday = new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
  return db
    .select({ id: bookings.id, status: bookings.status })
    .from(bookings)
    .where(
      or(
        and(eq(bookings.status, "pending_payment"), lte(bookings.expiresAt, now)),
        and(eq(bookings.status, "requested"), lte(bookings.respondBy, now)),
        and(eq(bookings.status, "confirmed"), lte(bookings.checkOut, earliestToday)),
      ),
    )
    .limit(limit);
}

export interface SweepResult {
  expired: number;
  completed: number;
  unchanged: number;
}

/** The safety net behind the per-booking delayed messages: settles every due booking. */
export async function sweepBookings(db: Database, now: Date, limit = 500): Promise<SweepResult> {
  const result: SweepResult = { expired: 0, completed: 0, unchanged: 0 };
  for (const { id, status } of await dueBookings(db, now, limit)) {
    const outcome =
      status === "confirmed" ? await completeBooking(db, id, now) : await expireBooking(db, id, now);
    if (!outcome.changed) result.unchanged++;
    else if (outcome.booking.status === "completed") result.completed++;
    else result.expired++;
  }
  return result;
}
