import { describe, expect, it } from "vitest";
import { priceBooking } from "./booking-price.ts";
import { type ListingPricing, priceStay } from "./stay-price.ts";
import { taxRulesFor } from "./tax-jurisdictions.ts";

const pricing: ListingPricing = {
  nightlyPrice: 10_000,
  weekendPrice: null,
  cleaningFee: 2_500,
  weeklyDiscountPercent: 10,
  monthlyDiscountPercent: 0,
};
const paris = { country: "FR", city: "Paris", currency: "EUR" };

describe("priceBooking", () => {
  it("adds the service fee and each tax of the place, and lines that add up to the guest total", () => {
    const stay = priceStay(pricing, "2031-01-06", "2031-01-09"); // 3 nights
    const price = priceBooking(stay, paris, 2);
    expect(price.accommodation).toBe(32_500);
    expect(price.serviceFee).toBe(4_550); // 14 %
    expect(price.taxes).toEqual([{ label: "Taxe de séjour", amount: 288 * 3 * 2 }]);
    expect(price.guestTotal).toBe(32_500 + 4_550 + 1_728);
    expect(price.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(price.guestTotal);
    expect(price.hostFee).toBe(975); // 3 %
    expect(price.hostPayout).toBe(32_500 - 975);
  });

  it("shows the length-of-stay discount as a negative line and taxes the discounted price", () => {
    const stay = priceStay(pricing, "2031-01-06", "2031-01-13"); // 7 nights, 10 % off
    const price = priceBooking(stay, { country: "NL", city: "amsterdam", currency: "EUR" }, 1);
    expect(price.lines.find((line) => line.kind === "discount")?.amount).toBe(-7_000);
    expect(price.accommodation).toBe(63_000 + 2_500);
    expect(price.taxes).toEqual([{ label: "Amsterdam tourist tax", amount: 8_188 }]); // 12.5 % of 65 500
  });

  it("caps per-night taxes at their night limit and skips amounts in another currency", () => {
    const stay = priceStay(pricing, "2031-01-06", "2031-01-16"); // 10 nights
    const lisbon = priceBooking(stay, { country: "PT", city: "Lisbon", currency: "EUR" }, 3);
    expect(lisbon.taxes).toEqual([{ label: "Lisbon tourist tax", amount: 400 * 7 * 3 }]);
    const inDollars = priceBooking(stay, { country: "PT", city: "Lisbon", currency: "USD" }, 3);
    expect(inDollars.taxes).toEqual([]);
  });

  it("applies national and city rules together, national first", () => {
    expect(taxRulesFor("CA", "Vancouver").map((rule) => rule.label)).toEqual([
      "GST",
      "BC PST and municipal tax",
    ]);
    expect(taxRulesFor("CA", "Toronto").map((rule) => rule.label)).toEqual(["GST"]);
    expect(taxRulesFor("IS", "Reykjavik")).toEqual([]);
  });
});
