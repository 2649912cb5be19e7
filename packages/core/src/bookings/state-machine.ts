import { AppError, type BookingStatus, bookingStatuses } from "@hometrip/contracts";

/**
 * The one table of a booking's life. Every status change goes through `assertTransition`; any
 * pair not listed here is refused, so a late or repeated event (a payment webhook arriving after
 * the hold expired, a second "accept") cannot move a booking somewhere it must not go.
 */
export const bookingTransitions = {
  // Dates held for 15 minutes while the guest pays; declined cards may be retried, and the
  // MAX_PAYMENT_DECLINES-th decline ends the hold as payment_failed (core lifecycle.ts).
  pending_payment: ["requested", "confirmed", "expired", "payment_failed"],
  // Paid, waiting for the host (24 hours).
  requested: ["confirmed", "declined", "expired", "withdrawn"],
  confirmed: ["cancelled_by_guest", "cancelled_by_host", "completed"],
  declined: [],
  expired: [],
  withdrawn: [],
  payment_failed: [],
  cancelled_by_guest: [],
  cancelled_by_host: [],
  completed: [],
} as const satisfies Record<BookingStatus, readonly BookingStatus[]>;

/** Statuses whose booking holds its dates (the migration's occupancy trigger lists the same). */
export const occupyingStatuses: readonly BookingStatus[] = ["pending_payment", "requested", "confirmed"];

/** Statuses no transition leaves. */
export const finalStatuses: readonly BookingStatus[] = bookingStatuses.filter(
  (status) => bookingTransitions[status].length === 0,
);

export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return (bookingTransitions[from] as readonly BookingStatus[]).includes(to);
}

/** A refused transition; `details` says from where to where, so clients and logs can tell. */
export class BookingTransitionError extends AppError {
  readonly from: BookingStatus;
  readonly to: BookingStatus;

  constructor(from: BookingStatus, to: BookingStatus) {
    super("CONFLICT", transitionMessage(from, to), { details: { from, to } });
    this.name = "BookingTransitionError";
    this.from = from;
    this.to = to;
  }
}

const statusWords: Record<BookingStatus, string> = {
  pending_payment: "waiting for payment",
  requested: "waiting for the host",
  confirmed: "confirmed",
  declined: "declined",
  expired: "expired",
  withdrawn: "withdrawn",
  payment_failed: "unpaid (the payment failed)",
  cancelled_by_guest: "cancelled by the guest",
  cancelled_by_host: "cancelled by the host",
  completed: "completed",
};

function transitionMessage(from: BookingStatus, to: BookingStatus): string {
  if (from === to) return `This booking is already ${statusWords[to]}`;
  return `A booking that is ${statusWords[from]} cannot become ${statusWords[to]}`;
}

export function assertTransition(from: BookingStatus, to: BookingStatus): void {
  if (!canTransition(from, to)) throw new BookingTransitionError(from, to);
}
