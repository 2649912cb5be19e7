import { AppError, type BookingStatus, bookingStatuses } from "@hometrip/contracts";
import { describe, expect, it } from "vitest";
import { assertTransition, BookingTransitionError, canTransition, finalStatuses } from "./state-machine.ts";

/** The transitions the product allows (issue: bookings and payments), written out independently. */
const legal: [BookingStatus, BookingStatus][] = [
  ["pending_payment", "requested"],
  ["pending_payment", "confirmed"],
  ["pending_payment", "expired"],
  ["pending_payment", "payment_failed"],
  ["requested", "confirmed"],
  ["requested", "declined"],
  ["requested", "expired"],
  ["requested", "withdrawn"],
  ["confirmed", "cancelled_by_guest"],
  ["confirmed", "cancelled_by_host"],
  ["confirmed", "completed"],
];
const isLegal = (from: BookingStatus, to: BookingStatus) => legal.some(([f, t]) => f === from && t === to);
const everyPair = bookingStatuses.flatMap((from) => bookingStatuses.map((to) => [from, to] as const));

describe("booking state machine", () => {
  it.each(legal)("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(everyPair.filter(([from, to]) => !isLegal(from, to)))(
    "refuses %s → %s with a typed CONFLICT",
    (from, to) => {
      expect(canTransition(from, to)).toBe(false);
      let thrown: unknown;
      try {
        assertTransition(from, to);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(BookingTransitionError);
      expect(thrown).toBeInstanceOf(AppError);
      expect(thrown).toMatchObject({ code: "CONFLICT", from, to, details: { from, to } });
      expect((thrown as Error).message).toMatch(/^(This booking is already|A booking that is)/);
    },
  );

  it("ends in declined, expired, withdrawn, payment_failed, both cancellations and completed", () => {
    expect([...finalStatuses].sort()).toEqual(
      [
        "cancelled_by_guest",
        "cancelled_by_host",
        "completed",
        "declined",
        "expired",
        "payment_failed",
        "withdrawn",
      ].sort(),
    );
  });
});
