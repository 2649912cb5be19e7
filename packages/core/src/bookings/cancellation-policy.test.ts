import { cancellationPolicies } from "@hometrip/contracts";
import { addDays } from "@hometrip/contracts/dates";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeRefund, type RefundableBooking } from "./cancellation-policy.ts";
import { zonedInstant } from "./zoned-time.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const zones = [
  "UTC",
  "Europe/Paris",
  "Europe/Lisbon",
  "America/New_York",
  "America/Los_Angeles",
  "Asia/Tokyo",
  "Asia/Kolkata",
  "Australia/Sydney",
  "Pacific/Chatham",
  "America/St_Johns",
];

const arbitraryCase = fc
  .record({
    // Check-ins over three years, so DST changes fall everywhere in and around stays.
    checkInDay: fc.integer({ min: 0, max: 3 * 365 }),
    nights: fc.integer({ min: 1, max: 30 }),
    nightly: fc.integer({ min: 1_000, max: 100_000 }),
    cleaningFee: fc.integer({ min: 0, max: 20_000 }),
    taxPercent: fc.integer({ min: 0, max: 20 }),
    bookedDaysBefore: fc.integer({ min: 0, max: 120 }),
    timeZone: fc.constantFrom(...zones),
    checkInTime: fc.constantFrom("15:00", "16:30", "11:00", "00:00", "23:30"),
  })
  .map((c) => {
    const checkIn = addDays("2031-01-01", c.checkInDay);
    const nightlySubtotal = c.nightly * c.nights;
    const serviceFee = Math.round(((nightlySubtotal + c.cleaningFee) * 14) / 100);
    const taxes = Math.round(((nightlySubtotal + c.cleaningFee) * c.taxPercent) / 100);
    const place = { timeZone: c.timeZone, checkInTime: c.checkInTime };
    const checkInAt = zonedInstant(checkIn, c.checkInTime, c.timeZone).getTime();
    const booking: RefundableBooking = {
      checkIn,
      checkOut: addDays(checkIn, c.nights),
      nightlySubtotal,
      cleaningFee: c.cleaningFee,
      serviceFee,
      taxes,
      total: nightlySubtotal + c.cleaningFee + serviceFee + taxes,
      bookedAt: new Date(checkInAt - c.bookedDaysBefore * DAY - HOUR),
    };
    return { booking, place, checkInAt };
  });

/** Instants at and either side of every boundary a policy names, and some anywhere. */
const boundaryOffsets = fc.oneof(
  fc
    .constantFrom(-14 * DAY, -7 * DAY, -5 * DAY, -DAY, 0)
    .chain((edge) =>
      fc.constantFrom(-1, 0, 1, -60_000, 60_000).map((delta) => ({ fromCheckIn: edge + delta })),
    ),
  fc.integer({ min: -60 * DAY, max: 40 * DAY }).map((ms) => ({ fromCheckIn: ms })),
);

const policy = fc.constantFrom(...cancellationPolicies);

describe("computeRefund", () => {
  it("never refunds more than was paid, nor a negative amount, and its parts add up", () => {
    fc.assert(
      fc.property(arbitraryCase, boundaryOffsets, policy, ({ booking, place, checkInAt }, at, p) => {
        const refund = computeRefund(booking, p, "guest", place, new Date(checkInAt + at.fromCheckIn));
        expect(refund.refund).toBe(
          refund.nightsRefund + refund.cleaningFeeRefund + refund.serviceFeeRefund + refund.taxesRefund,
        );
        expect(refund.refund).toBeGreaterThanOrEqual(0);
        expect(refund.refund).toBeLessThanOrEqual(booking.total);
        expect(refund.taxesRefund).toBeLessThanOrEqual(booking.taxes);
      }),
    );
  });

  it("refunds everything when the host cancels, whatever the policy and the time", () => {
    fc.assert(
      fc.property(arbitraryCase, boundaryOffsets, policy, ({ booking, place, checkInAt }, at, p) => {
        expect(computeRefund(booking, p, "host", place, new Date(checkInAt + at.fromCheckIn)).refund).toBe(
          booking.total,
        );
      }),
    );
  });

  it("never gives more back for cancelling later", () => {
    fc.assert(
      fc.property(
        arbitraryCase,
        policy,
        fc.integer({ min: -60 * DAY, max: 40 * DAY }),
        fc.integer({ min: 1, max: 10 * DAY }),
        ({ booking, place, checkInAt }, p, at, later) => {
          const early = computeRefund(booking, p, "guest", place, new Date(checkInAt + at));
          const late = computeRefund(booking, p, "guest", place, new Date(checkInAt + at + later));
          expect(late.refund).toBeLessThanOrEqual(early.refund);
        },
      ),
    );
  });

  const at = (checkInAt: number, offset: number) => new Date(checkInAt + offset);

  it("flexible: everything until 24 h before check-in, then no service fee and not the first night", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ booking, place, checkInAt }) => {
        expect(computeRefund(booking, "flexible", "guest", place, at(checkInAt, -DAY)).refund).toBe(
          booking.total,
        );
        const late = computeRefund(booking, "flexible", "guest", place, at(checkInAt, -DAY + 1));
        expect(late.serviceFeeRefund).toBe(0);
        expect(late.nightsRefund).toBeLessThan(booking.nightlySubtotal);
        expect(late.cleaningFeeRefund).toBe(booking.cleaningFee);
        const afterCheckIn = computeRefund(booking, "flexible", "guest", place, at(checkInAt, 1));
        expect(afterCheckIn.cleaningFeeRefund).toBe(0);
      }),
    );
  });

  it("moderate: everything until 5 days before check-in, then at most half of the nights", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ booking, place, checkInAt }) => {
        expect(computeRefund(booking, "moderate", "guest", place, at(checkInAt, -5 * DAY)).refund).toBe(
          booking.total,
        );
        const late = computeRefund(booking, "moderate", "guest", place, at(checkInAt, -5 * DAY + 1));
        expect(late.serviceFeeRefund).toBe(0);
        expect(late.nightsRefund).toBeLessThanOrEqual(Math.floor(booking.nightlySubtotal / 2));
      }),
    );
  });

  it("strict: everything within 48 h of booking 14+ days out, half until 7 days before, then no nights", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ booking, place, checkInAt }) => {
        const half = Math.floor(booking.nightlySubtotal / 2);
        const grace = booking.bookedAt.getTime() + 48 * HOUR;
        const fourteen = checkInAt - 14 * DAY;
        if (booking.bookedAt.getTime() <= fourteen) {
          const inGrace = new Date(Math.min(grace, fourteen));
          expect(computeRefund(booking, "strict", "guest", place, inGrace).refund).toBe(booking.total);
        }
        const afterGrace = new Date(Math.max(grace + 1, fourteen + 1));
        if (afterGrace.getTime() <= checkInAt - 7 * DAY) {
          expect(computeRefund(booking, "strict", "guest", place, afterGrace).nightsRefund).toBe(half);
        }
        const sevenDays = computeRefund(booking, "strict", "guest", place, at(checkInAt, -7 * DAY));
        if (grace < checkInAt - 7 * DAY) expect(sevenDays.nightsRefund).toBe(half);
        const inside = computeRefund(booking, "strict", "guest", place, at(checkInAt, -7 * DAY + 1));
        expect(inside.nightsRefund).toBe(0);
        expect(inside.serviceFeeRefund).toBe(0);
      }),
    );
  });

  it("non-refundable: nothing, even long before check-in", () => {
    fc.assert(
      fc.property(arbitraryCase, boundaryOffsets, ({ booking, place, checkInAt }, offset) => {
        expect(
          computeRefund(booking, "non_refundable", "guest", place, at(checkInAt, offset.fromCheckIn)).refund,
        ).toBe(0);
      }),
    );
  });

  it("reads check-in at the listing's time in the listing's zone", () => {
    const booking: RefundableBooking = {
      checkIn: "2031-07-10",
      checkOut: "2031-07-12",
      nightlySubtotal: 20_000,
      cleaningFee: 0,
      serviceFee: 2_800,
      taxes: 0,
      total: 22_800,
      bookedAt: new Date("2031-06-01T00:00:00Z"),
    };
    const tokyo = { timeZone: "Asia/Tokyo", checkInTime: "15:00" }; // 06:00 UTC
    expect(computeRefund(booking, "flexible", "guest", tokyo, new Date("2031-07-09T06:00:00Z")).refund).toBe(
      22_800,
    );
    const late = computeRefund(booking, "flexible", "guest", tokyo, new Date("2031-07-09T06:00:01Z"));
    expect(late).toMatchObject({ nightsRefund: 10_000, serviceFeeRefund: 0, refund: 10_000 });
  });
});
