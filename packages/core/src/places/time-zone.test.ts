import { describe, expect, it } from "vitest";
import { knownPlaces } from "./gazetteer.ts";
import { timeZoneAt } from "./time-zone.ts";

describe("timeZoneAt", () => {
  it("gives every known place its own zone, and a position near one the same", () => {
    for (const place of knownPlaces)
      expect(timeZoneAt(place.lat, place.lng), place.name).toBe(place.timezone);
    expect(timeZoneAt(38.76, -9.25)).toBe("Europe/Lisbon");
    expect(timeZoneAt(49.2, -123.0)).toBe("America/Vancouver");
  });

  it("looks positions far from every known place up offline", () => {
    expect(timeZoneAt(41.1496, -8.611)).toBe("Europe/Lisbon"); // Porto
    expect(timeZoneAt(-33.8688, 151.2093)).toBe("Australia/Sydney");
    expect(timeZoneAt(21.3069, -157.8583)).toBe("Pacific/Honolulu");
    expect(timeZoneAt(52.52, 13.405)).toBe("Europe/Berlin");
    expect(timeZoneAt(-13.83, -171.76)).toBe("Pacific/Apia");
  });

  it("answers a zone in open sea rather than none", () => {
    expect(timeZoneAt(0, -30)).toMatch(/^Etc\/GMT[+-]\d+$/);
  });
});
