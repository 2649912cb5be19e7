import { describe, expect, it } from "vitest";
import { currencyDigits, formatMajor, formatMoney } from "./money.ts";

describe("formatMoney", () => {
  it("reads minor units by the currency's own digits", () => {
    expect(formatMoney(12_500, "EUR")).toBe("€125");
    expect(formatMoney(12_550, "EUR")).toBe("€125.50");
    expect(formatMoney(1_234_599, "USD")).toBe("$12,345.99");
    expect(formatMoney(5_000, "JPY")).toBe("¥5,000");
    expect(formatMoney(1_500, "KWD")).toBe("KWD\u00a01.500");
    expect(formatMoney(1_250, "KWD")).toBe("KWD\u00a01.250");
    expect(currencyDigits("KWD")).toBe(3);
  });

  it("writes zero and large sums plainly", () => {
    expect(formatMoney(0, "GBP")).toBe("£0");
    expect(formatMoney(100_000_000, "EUR")).toBe("€1,000,000");
  });

  it("does not throw on a currency code Intl does not know", () => {
    expect(formatMoney(1_000, "XYZ")).toMatch(/10/);
  });
});

describe("formatMajor", () => {
  it("formats the price filter's whole units, with or without a currency", () => {
    expect(formatMajor(150, "EUR")).toBe("€150");
    expect(formatMajor(1500, null)).toBe("1,500");
  });
});
