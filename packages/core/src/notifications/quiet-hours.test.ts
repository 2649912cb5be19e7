import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterQuietHours, inQuietHours, localMinuteOfDay } from "./quiet-hours.ts";

const zones = Intl.supportedValuesOf("timeZone");
const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
const quiet = fc
  .tuple(hhmm, hhmm)
  .filter(([a, b]) => a !== b)
  .map(([start, end]) => ({ start, end }));
// Instants across several years, so every DST change of every zone is in reach.
const instant = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms));

describe("quiet hours", () => {
  it("delays a send inside quiet hours to their end, and never drops or advances it (every zone)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), quiet, instant, (zone, q, at) => {
        const result = afterQuietHours(at, q, zone);
        expect(result.getTime()).toBeGreaterThanOrEqual(at.getTime() - 60_000);
        // The longest window is 23h59; a DST change adds at most an hour.
        expect(result.getTime() - at.getTime()).toBeLessThanOrEqual(25 * 3600_000);
        expect(inQuietHours(result, q, zone)).toBe(false);
        if (!inQuietHours(at, q, zone)) expect(result).toEqual(at);
      }),
      { numRuns: 2000 },
    );
  });

  it("counts the window in the member's zone, wrapping midnight", () => {
    const q = { start: "22:00", end: "07:00" };
    // 23:30 in Tokyo is 14:30 UTC; the send waits for 07:00 Tokyo, 22:00 UTC.
    const at = new Date("2026-03-10T14:30:00Z");
    expect(inQuietHours(at, q, "Asia/Tokyo")).toBe(true);
    expect(afterQuietHours(at, q, "Asia/Tokyo").toISOString()).toBe("2026-03-10T22:00:00.000Z");
    // The same instant is 10:30 in New York: outside the window, sent at once.
    expect(afterQuietHours(at, q, "America/New_York")).toEqual(at);
    // Kathmandu is UTC+05:45: 14:30 UTC is 20:15 local, before the window opens.
    expect(afterQuietHours(at, q, "Asia/Kathmandu")).toEqual(at);
  });

  it("lands on the local end time across a DST change inside the window", () => {
    // Europe/Paris springs forward at 02:00 on 2026-03-29; 23:00 the night before is 22:00 UTC.
    const q = { start: "22:00", end: "08:00" };
    const result = afterQuietHours(new Date("2026-03-28T22:00:00Z"), q, "Europe/Paris");
    expect(localMinuteOfDay(result, "Europe/Paris")).toBe(8 * 60);
    expect(result.toISOString()).toBe("2026-03-29T06:00:00.000Z");
  });

  it("leaves a send alone when no quiet hours are set", () => {
    const at = new Date();
    expect(afterQuietHours(at, null, "Europe/Paris")).toBe(at);
  });
});
