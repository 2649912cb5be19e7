import { describe, expect, it } from "vitest";
import countries from "world-atlas/countries-110m.json";
import land from "world-atlas/land-110m.json";
import { countryLines, landPolygons } from "./land-base.ts";

type Topology = Parameters<typeof landPolygons>[0];

describe("landPolygons", () => {
  const base = landPolygons(land as unknown as Topology);
  const rings = base.coordinates.flat();

  it("draws no ring across the world: no step of more than half the globe, except along a pole", () => {
    let widest = 0;
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        if (Math.abs(ring[i]![1] as number) === 90 && Math.abs(ring[i - 1]![1] as number) === 90) continue;
        widest = Math.max(widest, Math.abs((ring[i]![0] as number) - (ring[i - 1]![0] as number)));
      }
    }
    expect(widest).toBeLessThan(180);
  });

  it("closes Antarctica along the South Pole and keeps every continent", () => {
    const polar = rings.filter((ring) => ring.some(([, lat]) => lat === -90));
    expect(polar.length).toBeGreaterThanOrEqual(1);
    // Lisbon, Sydney and Anchorage lie inside the bounding box of some land polygon.
    const covers = (lng: number, lat: number) =>
      base.coordinates.some((polygon) => {
        const outer = polygon[0]!;
        const lngs = outer.map((p) => p[0] as number);
        const lats = outer.map((p) => p[1] as number);
        return (
          lng >= Math.min(...lngs) &&
          lng <= Math.max(...lngs) &&
          lat >= Math.min(...lats) &&
          lat <= Math.max(...lats)
        );
      });
    expect(covers(-9.14, 38.72)).toBe(true);
    expect(covers(151.2, -33.87)).toBe(true);
    expect(covers(-149.9, 61.2)).toBe(true);
  });
});

describe("countryLines", () => {
  const topology = countries as unknown as Topology;
  const widestStep = (lines: GeoJSON.MultiLineString) =>
    Math.max(
      ...lines.coordinates.flatMap((line) =>
        line.slice(1).map((p, i) => Math.abs((p[0] as number) - (line[i]![0] as number))),
      ),
    );

  it("draws the border between Portugal and Spain, and none across the world", () => {
    const borders = countryLines(topology, "borders");
    const iberian = borders.coordinates.some((line) =>
      line.some(
        ([lng, lat]) =>
          (lng as number) > -7.6 && (lng as number) < -6 && (lat as number) > 38 && (lat as number) < 42,
      ),
    );
    expect(iberian).toBe(true);
    expect(widestStep(borders)).toBeLessThan(180);
  });

  it("draws coastlines without a stripe across the antimeridian (Fiji, Chukotka)", () => {
    const coasts = countryLines(topology, "coasts");
    expect(coasts.coordinates.length).toBeGreaterThan(100);
    expect(widestStep(coasts)).toBeLessThan(180);
  });

  it("covers the land with the countries too", () => {
    const fromCountries = landPolygons(topology, "countries");
    expect(fromCountries.coordinates.length).toBeGreaterThan(100);
  });
});
