import { describe, expect, it } from "vitest";
import { zonedInstant } from "./zoned-time.ts";

describe("zonedInstant", () => {
  it("reads a wall-clock time in the zone, summer and winter", () => {
    expect(zonedInstant("2031-07-01", "15:00", "Europe/Paris").toISOString()).toBe(
      "2031-07-01T13:00:00.000Z",
    );
    expect(zonedInstant("2031-01-15", "15:00", "Europe/Paris").toISOString()).toBe(
      "2031-01-15T14:00:00.000Z",
    );
    expect(zonedInstant("2031-01-15", "11:00", "America/New_York").toISOString()).toBe(
      "2031-01-15T16:00:00.000Z",
    );
    expect(zonedInstant("2031-01-15", "15:00", "Asia/Kolkata").toISOString()).toBe(
      "2031-01-15T09:30:00.000Z",
    );
    expect(zonedInstant("2031-01-15", "15:00", "UTC").toISOString()).toBe("2031-01-15T15:00:00.000Z");
  });

  it("takes the first of a repeated hour and moves a skipped one past the gap", () => {
    // Europe/Paris: 2031-10-26 03:00 → 02:00 (02:30 happens twice); 2031-03-30 02:00 → 03:00.
    expect(zonedInstant("2031-10-26", "02:30", "Europe/Paris").toISOString()).toBe(
      "2031-10-26T00:30:00.000Z",
    );
    expect(zonedInstant("2031-03-30", "02:30", "Europe/Paris").toISOString()).toBe(
      "2031-03-30T01:30:00.000Z",
    );
  });
});
