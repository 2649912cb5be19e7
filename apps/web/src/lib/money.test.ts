import { describe, expect, it } from "vitest";
import {
  currencyDigits,
  formatMajor,
  formatMoney,
  minorToMajorInput,
  parseMajorUnits,
  parsePercent,
} from "./money.ts";

const ok = (value: number) => ({ ok: true, value });

describe("parseMajorUnits", () => {
  it("turns what a host types into minor units of the currency", () => {
    expect(parseMajorUnits("85", "EUR")).toEqual(ok(8500));
    expect(parseMajorUnits(" 85.5 ", "EUR")).toEqual(ok(8550));
    expect(parseMajorUnits("85.05", "USD")).toEqual(ok(8505));
    expect(parseMajorUnits("0.10", "GBP")).toEqual(ok(10));
    expect(parseMajorUnits("12000", "JPY")).toEqual(ok(12000));
    expect(parseMajorUnits("1.234", "KWD")).toEqual(ok(1234));
  });

  it("never goes through floating point (0.29 EUR is 29, not 28.999…)", () => {
    expect(parseMajorUnits("0.29", "EUR")).toEqual(ok(29));
    expect(parseMajorUnits("1.15", "EUR")).toEqual(ok(115));
  });

  it("reads thousands separators and a lone decimal comma", () => {
    expect(parseMajorUnits("1,234.50", "EUR")).toEqual(ok(123450));
    expect(parseMajorUnits("1 234", "EUR")).toEqual(ok(123400));
    expect(parseMajorUnits("1,234", "EUR")).toEqual(ok(123400));
    expect(parseMajorUnits("85,5", "EUR")).toEqual(ok(8550));
    expect(parseMajorUnits("85,50", "EUR")).toEqual(ok(8550));
  });

  it("refuses what is not an amount in that currency", () => {
    expect(parseMajorUnits("", "EUR")).toEqual({ ok: false, message: "Enter an amount." });
    expect(parseMajorUnits("-5", "EUR").ok).toBe(false);
    expect(parseMajorUnits("abc", "EUR").ok).toBe(false);
    expect(parseMajorUnits("85.505", "EUR")).toEqual({ ok: false, message: "Use at most 2 decimal places." });
    expect(parseMajorUnits("100.5", "JPY")).toEqual({ ok: false, message: "JPY amounts have no decimals." });
    expect(parseMajorUnits("85.500", "EUR")).toEqual(ok(8550));
    expect(parseMajorUnits("2000000", "EUR")).toEqual({ ok: false, message: "That amount is too large." });
  });
});

describe("minorToMajorInput and formatMoney", () => {
  it("show stored amounts the way a host would type them", () => {
    expect(minorToMajorInput(8550, "EUR")).toBe("85.5".padEnd(5, "0"));
    expect(minorToMajorInput(8500, "EUR")).toBe("85");
    expect(minorToMajorInput(5, "EUR")).toBe("0.05");
    expect(minorToMajorInput(12000, "JPY")).toBe("12000");
  });

  it("round-trip through parseMajorUnits", () => {
    for (const [minor, currency] of [
      [1, "EUR"],
      [99999, "USD"],
      [1234, "KWD"],
      [7, "JPY"],
    ] as const) {
      expect(parseMajorUnits(minorToMajorInput(minor, currency), currency)).toEqual(ok(minor));
    }
  });

  it("formats for display with the currency symbol", () => {
    expect(formatMoney(8550, "EUR")).toBe("€85.50");
    expect(formatMoney(12000, "JPY")).toBe("¥12,000");
    expect(formatMoney(8500, "USD")).toBe("$85");
    expect(currencyDigits("not a currency")).toBe(2);
  });
});

describe("parsePercent", () => {
  it("takes whole percentages up to the limit", () => {
    expect(parsePercent("10", 90)).toEqual(ok(10));
    expect(parsePercent("15 %", 90)).toEqual(ok(15));
    expect(parsePercent("", 90, { emptyIsZero: true })).toEqual(ok(0));
    expect(parsePercent("", 90).ok).toBe(false);
    expect(parsePercent("91", 90)).toEqual({ ok: false, message: "At most 90 %." });
    expect(parsePercent("7.5", 90).ok).toBe(false);
  });
});

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
