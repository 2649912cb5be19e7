import { describe, expect, it } from "vitest";
import { EARLIEST_DATE, LATEST_DATE, zIsoDate, zLatitude, zText, zTimeZone } from "./input-bounds.ts";

describe("zText", () => {
  const line = zText({ min: 1, max: 10 });
  const paragraph = zText({ max: 50, multiline: true });

  it("refuses NUL and other control characters, also inside a longer value", () => {
    for (const value of ["a\u0000b", "\u0000", "ab\u0007", "a\u001bb", "x\u007f"]) {
      expect(line.safeParse(value).success, JSON.stringify(value)).toBe(false);
      expect(paragraph.safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
  });

  it("allows line breaks and tabs only in multi-line text", () => {
    expect(line.safeParse("a\nb").success).toBe(false);
    expect(line.safeParse("a\tb").success).toBe(false);
    expect(paragraph.parse("one\r\ntwo\tthree")).toBe("one\r\ntwo\tthree");
  });

  it("trims, then bounds the length", () => {
    expect(line.parse("  hi  ")).toBe("hi");
    expect(line.safeParse("   ").success).toBe(false);
    expect(line.safeParse("x".repeat(11)).success).toBe(false);
    expect(zText({ max: 5, trim: false }).parse(" pw ")).toBe(" pw ");
  });
});

describe("zIsoDate", () => {
  it("keeps dates within the product's range", () => {
    expect(zIsoDate.parse(EARLIEST_DATE)).toBe(EARLIEST_DATE);
    expect(zIsoDate.parse(LATEST_DATE)).toBe(LATEST_DATE);
    for (const date of ["0000-01-01", "1999-12-31", "2101-01-01", "9999-12-31", "2026-02-30", "2026-1-1"]) {
      expect(zIsoDate.safeParse(date).success, date).toBe(false);
    }
  });
});

describe("zTimeZone", () => {
  it("accepts IANA names and stores the runtime's spelling", () => {
    expect(zTimeZone.parse("Europe/Paris")).toBe("Europe/Paris");
    expect(zTimeZone.parse("UTC")).toBe("UTC");
    expect(zTimeZone.parse("america/new_york")).toBe("America/New_York");
  });

  it("refuses what is not a zone, offsets included", () => {
    for (const zone of [
      "Not/AZone",
      "",
      "+05:00",
      "Europe/Paris\u0000",
      "../../etc/passwd",
      "x".repeat(65),
    ]) {
      expect(zTimeZone.safeParse(zone).success, zone).toBe(false);
    }
  });
});

describe("zLatitude", () => {
  it("rounds to 7 places, so subnormal values Postgres cannot store become 0", () => {
    expect(zLatitude.parse(38.711512345678)).toBe(38.7115123);
    expect(zLatitude.parse(-4e-323)).toBe(-0);
    expect(zLatitude.parse(5e-324)).toBe(0);
    expect(zLatitude.safeParse(90.0000001).success).toBe(false);
    expect(zLatitude.safeParse(Number.NaN).success).toBe(false);
  });
});
