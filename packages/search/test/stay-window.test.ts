import { describe, expect, it } from "vitest";
import { earliestSearchCheckIn, refusePastStay, SearchQueryError } from "../src/index.ts";

describe("the earliest check-in a search accepts", () => {
  it("is yesterday in UTC all day long, so the zones furthest behind keep their today", () => {
    expect(earliestSearchCheckIn(new Date("2026-03-01T00:00:00Z"))).toBe("2026-02-28");
    expect(earliestSearchCheckIn(new Date("2026-03-01T23:59:59Z"))).toBe("2026-02-28");
    expect(earliestSearchCheckIn(new Date("2028-03-01T12:00:00Z"))).toBe("2028-02-29");
  });

  it("refuses a stay starting before it, naming both dates, and lets dateless searches through", () => {
    const now = new Date("2026-11-26T10:00:00Z");
    expect(() => refusePastStay({ checkIn: "2026-11-24" }, now)).toThrow(SearchQueryError);
    expect(() => refusePastStay({ checkIn: "2026-11-24" }, now)).toThrow(
      "checkIn 2026-11-24 has passed; the earliest check-in is 2026-11-25",
    );
    expect(() => refusePastStay({ checkIn: "2026-11-25" }, now)).not.toThrow();
    expect(() => refusePastStay({}, now)).not.toThrow();
  });
});
