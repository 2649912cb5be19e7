import { isWeekendNight, percentOf, weekendNightsBetween } from "@hometrip/contracts";
import { addDays } from "@hometrip/contracts/dates";
import { describe, expect, it } from "vitest";
import { type ListingPricing, priceStay } from "./stay-price.ts";

// 2031-01-01 is a Wednesday, 2031-01-03 a Friday, 2031-01-06 a Monday.
const pricing = (changes: Partial<ListingPricing> = {}): ListingPricing => ({
  nightlyPrice: 10_000,
  weekendPrice: null,
  cleaningFee: 2_500,
  weeklyDiscountPercent: 0,
  monthlyDiscountPercent: 0,
  ...changes,
});

describe("priceStay", () => {
  it("charges the nightly price every night plus the cleaning fee when nothing else is set", () => {
    const stay = priceStay(pricing(), "2031-01-01", "2031-01-06");
    expect(stay.nights).toBe(5);
    expect(stay.nightly.map((n) => n.kind)).toEqual(["base", "base", "base", "base", "base"]);
    expect(stay).toMatchObject({ nightsSubtotal: 50_000, discount: null, cleaningFee: 2_500, total: 52_500 });
  });

  it("charges the weekend price on Friday and Saturday nights only", () => {
    const stay = priceStay(pricing({ weekendPrice: 14_000 }), "2031-01-01", "2031-01-06");
    expect(stay.nightly).toEqual([
      { date: "2031-01-01", price: 10_000, kind: "base" },
      { date: "2031-01-02", price: 10_000, kind: "base" },
      { date: "2031-01-03", price: 14_000, kind: "weekend" },
      { date: "2031-01-04", price: 14_000, kind: "weekend" },
      { date: "2031-01-05", price: 10_000, kind: "base" },
    ]);
    expect(stay.total).toBe(3 * 10_000 + 2 * 14_000 + 2_500);
  });

  it("lets a per-date override beat both the weekend and the nightly price", () => {
    const overrides = new Map([
      ["2031-01-03", 9_000],
      ["2031-01-05", 20_000],
    ]);
    const stay = priceStay(pricing({ weekendPrice: 14_000 }), "2031-01-02", "2031-01-06", overrides);
    expect(stay.nightly.map((n) => [n.price, n.kind])).toEqual([
      [10_000, "base"],
      [9_000, "override"],
      [14_000, "weekend"],
      [20_000, "override"],
    ]);
    expect(stay.nightsSubtotal).toBe(53_000);
  });

  it("gives the weekly discount from 7 nights, on the nights only, not the cleaning fee", () => {
    const weekly = pricing({ weeklyDiscountPercent: 10, monthlyDiscountPercent: 20 });
    expect(priceStay(weekly, "2031-01-06", "2031-01-12").discount).toBeNull();
    const week = priceStay(weekly, "2031-01-06", "2031-01-13");
    expect(week.discount).toEqual({ kind: "weekly", percent: 10, amount: 7_000 });
    expect(week.total).toBe(70_000 - 7_000 + 2_500);
  });

  it("switches to the monthly discount from 28 nights, and skips a 0 % discount", () => {
    const both = pricing({ weeklyDiscountPercent: 10, monthlyDiscountPercent: 20 });
    expect(priceStay(both, "2031-01-06", "2031-02-02").discount?.kind).toBe("weekly"); // 27 nights
    const month = priceStay(both, "2031-01-06", "2031-02-03"); // 28 nights
    expect(month.discount).toEqual({ kind: "monthly", percent: 20, amount: 56_000 });
    expect(month.total).toBe(280_000 - 56_000 + 2_500);

    const weeklyOnly = pricing({ weeklyDiscountPercent: 10 });
    expect(priceStay(weeklyOnly, "2031-01-06", "2031-02-03").discount?.kind).toBe("weekly");
    expect(
      priceStay(pricing({ monthlyDiscountPercent: 15 }), "2031-01-06", "2031-01-20").discount,
    ).toBeNull();
  });

  it("rounds the discount to whole minor units, halves up", () => {
    expect(percentOf(10_005, 10)).toBe(1_001); // 1000.5
    expect(percentOf(10_004, 10)).toBe(1_000); // 1000.4
    expect(percentOf(9_999, 15)).toBe(1_500); // 1499.85
    const odd = priceStay(
      pricing({ nightlyPrice: 1_429, cleaningFee: 0, weeklyDiscountPercent: 15 }),
      "2031-01-06",
      "2031-01-13",
    );
    // 7 x 14.29 = 100.03; 15 % = 15.0045 → 15.00
    expect(odd).toMatchObject({ nightsSubtotal: 10_003, discount: { amount: 1_500 }, total: 8_503 });
  });
});

describe("weekend nights", () => {
  it("are Friday and Saturday nights", () => {
    expect(["2031-01-02", "2031-01-03", "2031-01-04", "2031-01-05"].map(isWeekendNight)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it("are counted the same way as priceStay finds them, for every start day and length", () => {
    const weekend = pricing({ weekendPrice: 1, nightlyPrice: 0 });
    for (let start = 0; start < 7; start++) {
      const checkIn = addDays("2031-01-01", start);
      for (const nights of [0, 1, 2, 5, 6, 7, 8, 13, 29, 365]) {
        const checkOut = addDays(checkIn, nights);
        const counted = weekendNightsBetween(checkIn, checkOut);
        expect(counted, `${checkIn} +${nights}`).toBe(priceStay(weekend, checkIn, checkOut).nightsSubtotal);
      }
    }
  });
});
