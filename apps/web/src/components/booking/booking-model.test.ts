import { describe, expect, it } from "vitest";
import {
  declineMessage,
  nightsBetween,
  paymentIntentIdOf,
  plural,
  stayDates,
  timeLeft,
  totalLabel,
} from "./booking-model.ts";

describe("booking words", () => {
  it("says why a card was declined", () => {
    expect(declineMessage({ code: "card_declined", decline_code: "insufficient_funds" })).toMatch(
      /insufficient funds/,
    );
    expect(declineMessage({ code: "card_declined", decline_code: "generic_decline" })).toMatch(/declined/);
    expect(declineMessage({ code: "something_new", message: "Odd thing" })).toBe("Odd thing.");
    expect(declineMessage({})).toBe("The payment did not go through.");
  });

  it("reads the PaymentIntent id from a client secret", () => {
    expect(paymentIntentIdOf("pi_3Abc123_secret_xYz-9_")).toBe("pi_3Abc123");
    expect(paymentIntentIdOf("nonsense")).toBeNull();
  });

  it("counts down the time to answer", () => {
    expect(timeLeft(null)).toBe("No time left");
    expect(timeLeft(0)).toBe("No time left");
    expect(timeLeft(61)).toBe("2 min left");
    expect(timeLeft(24 * 3600)).toBe("24 h left");
    expect(timeLeft(5 * 3600 + 30 * 60)).toBe("5 h 30 min left");
  });

  it("writes stays and counts", () => {
    expect(nightsBetween("2030-12-30", "2031-01-02")).toBe(3);
    expect(plural(1, "night")).toBe("1 night");
    expect(plural(2, "guest")).toBe("2 guests");
    expect(stayDates("2030-06-03", "2030-06-05")).toBe("Mon 3 Jun – Wed 5 Jun 2030");
    expect(stayDates("2030-12-30", "2031-01-02")).toBe("Mon 30 Dec 2030 – Thu 2 Jan 2031");
  });
});

describe("the trip's total", () => {
  it("is called paid only when the card was charged", () => {
    expect(totalLabel("confirmed")).toBe("Total paid");
    expect(totalLabel("cancelled_by_guest")).toBe("Total paid");
    expect(totalLabel("requested")).toBe("Total held on your card");
    expect(totalLabel("pending_payment")).toBe("Total to pay");
    for (const released of ["expired", "declined", "withdrawn", "payment_failed"] as const) {
      expect(totalLabel(released)).toBe("Total (not charged)");
    }
  });
});
