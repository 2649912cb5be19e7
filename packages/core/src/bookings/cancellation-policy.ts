import type { CancellationPolicy } from "@hometrip/contracts";
import { addDays, daysBetween } from "@hometrip/contracts/dates";
import { zonedInstant } from "./zoned-time.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The parts of a booking a refund depends on; money in minor units. */
export interface RefundableBooking {
  checkIn: string;
  checkOut: string;
  /** Nights after any discount. */
  nightlySubtotal: number;
  cleaningFee: number;
  serviceFee: number;
  taxes: number;
  total: number;
  bookedAt: Date;
}

export interface StayPlace {
  timeZone: string;
  /** "HH:MM" in the listing's zone; a night starts at this time on its date. */
  checkInTime: string;
}

export interface Refund {
  nights: number;
  nightsRefund: number;
  cleaningFeeRefund: number;
  serviceFeeRefund: number;
  taxesRefund: number;
  refund: number;
  /** Which rule applied, in the guest's words. */
  rule: string;
}

/**
 * What goes back to the guest when a confirmed booking is cancelled at `now`: the one function
 * bookings.previewCancellation shows and bookings.cancel refunds (README "Cancellation policies").
 * A night "starts" at the listing's check-in time on its date, in the listing's time zone.
 * - host cancels: everything.
 * - flexible: every night starting 24 h or more from now.
 * - moderate: everything until 5 days before check-in; then half of each night starting 24 h or
 *   more from now.
 * - strict: everything within 48 h of booking when check-in is 14 days or more away; else half
 *   the nights until 7 days before check-in; then no nights.
 * - non_refundable: nothing.
 * The cleaning fee comes back whenever the guest cancels before check-in (not non_refundable);
 * the service fee only when every night comes back; taxes in proportion to the nights and
 * cleaning fee refunded (rounded down, so a refund never exceeds what was paid).
 */
export function computeRefund(
  booking: RefundableBooking,
  policy: CancellationPolicy,
  cancelledBy: "guest" | "host",
  place: StayPlace,
  now: Date,
): Refund {
  const nights = daysBetween(booking.checkIn, booking.checkOut);
  if (cancelledBy === "host") {
    return whole(booking, nights, "The host cancelled: everything you paid comes back.");
  }
  const nightStart = (i: number) =>
    zonedInstant(addDays(booking.checkIn, i), place.checkInTime, place.timeZone);
  const checkInAt = nightStart(0).getTime();
  const beforeCheckIn = now.getTime() < checkInAt;
  const nightsStartingAfter = (cutoff: number) => {
    let count = 0;
    for (let i = nights - 1; i >= 0 && nightStart(i).getTime() >= cutoff; i--) count++;
    return count;
  };
  const nightValue = (count: number, percent: number) =>
    Math.floor((booking.nightlySubtotal * count * percent) / (nights * 100));
  const partial = (nightsRefund: number, rule: string) =>
    someBack(booking, nights, nightsRefund, beforeCheckIn ? booking.cleaningFee : 0, rule);

  switch (policy) {
    case "flexible": {
      const refunded = nightsStartingAfter(now.getTime() + DAY);
      if (refunded === nights)
        return whole(booking, nights, "Flexible: cancelled 24 hours or more before check-in.");
      return partial(
        nightValue(refunded, 100),
        "Flexible: nights starting 24 hours or more from now come back.",
      );
    }
    case "moderate": {
      if (now.getTime() <= checkInAt - 5 * DAY) {
        return whole(booking, nights, "Moderate: cancelled 5 days or more before check-in.");
      }
      const refunded = nightsStartingAfter(now.getTime() + DAY);
      return partial(
        nightValue(refunded, 50),
        "Moderate: half of each night starting 24 hours or more from now.",
      );
    }
    case "strict": {
      const withinGrace = now.getTime() <= booking.bookedAt.getTime() + 48 * HOUR;
      if (withinGrace && now.getTime() <= checkInAt - 14 * DAY) {
        return whole(
          booking,
          nights,
          "Strict: cancelled within 48 hours of booking, 14 days or more before check-in.",
        );
      }
      if (now.getTime() <= checkInAt - 7 * DAY) {
        return partial(
          nightValue(nights, 50),
          "Strict: half the nights, cancelled 7 days or more before check-in.",
        );
      }
      return partial(0, "Strict: no nights come back less than 7 days before check-in.");
    }
    case "non_refundable":
      return someBack(booking, nights, 0, 0, "Non-refundable: nothing comes back.");
  }
}

function whole(booking: RefundableBooking, nights: number, rule: string): Refund {
  return {
    nights,
    nightsRefund: booking.nightlySubtotal,
    cleaningFeeRefund: booking.cleaningFee,
    serviceFeeRefund: booking.serviceFee,
    taxesRefund: booking.taxes,
    refund: booking.total,
    rule,
  };
}

function someBack(
  booking: RefundableBooking,
  nights: number,
  nightsRefund: number,
  cleaningFeeRefund: number,
  rule: string,
): Refund {
  const taxed = booking.nightlySubtotal + booking.cleaningFee;
  const taxesRefund =
    taxed === 0 ? 0 : Math.floor((booking.taxes * (nightsRefund + cleaningFeeRefund)) / taxed);
  return {
    nights,
    nightsRefund,
    cleaningFeeRefund,
    serviceFeeRefund: 0,
    taxesRefund,
    refund: nightsRefund + cleaningFeeRefund + taxesRefund,
    rule,
  };
}
