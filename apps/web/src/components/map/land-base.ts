import { feature, mesh } from "topojson-client";

type Topology = Parameters<typeof feature>[0];
type Position = GeoJSON.Position;

/**
 * The offline map's base: Natural Earth's land outlines (world-atlas, 1:110m, bundled), drawn as
 * plain polygons so the map needs no tile server. Those outlines are made for a sphere: a few rings
 * (Antarctica, eastern Russia, Fiji) cross the antimeridian by jumping from +180° to −180°, which a
 * flat Web Mercator map would draw as a stripe across the world. Each such ring is unwrapped into
 * continuous longitudes (a ring around a pole is closed along that pole) and also drawn shifted by
 * ±360°, so both halves show at the edges of the world.
 */
export function landPolygons(topology: Topology, objectName = "land"): GeoJSON.MultiPolygon {
  const object = topology.objects[objectName];
  if (object?.type !== "GeometryCollection")
    throw new Error(`no geometry collection "${objectName}" in the topology`);
  const collection = feature(topology, object);
  const features = "features" in collection ? collection.features : [collection];
  const polygons: Position[][][] = [];
  for (const f of features) {
    const geometry = f.geometry;
    if (!geometry) continue;
    const parts =
      geometry.type === "Polygon"
        ? [geometry.coordinates]
        : geometry.type === "MultiPolygon"
          ? geometry.coordinates
          : [];
    for (const polygon of parts) {
      const rings = polygon.map(unwrapRing);
      polygons.push(rings);
      const lngs = rings.flat().map((p) => p[0] as number);
      if (Math.min(...lngs) < -180) polygons.push(shift(rings, 360));
      if (Math.max(...lngs) > 180) polygons.push(shift(rings, -360));
    }
  }
  return { type: "MultiPolygon", coordinates: polygons };
}

/**
 * Lines from the countries' shared arcs: `"borders"` between two countries, `"coasts"` where a
 * country meets the sea. A line that jumps across the antimeridian is cut there, so no line is
 * drawn across the whole map.
 */
export function countryLines(
  topology: Topology,
  which: "borders" | "coasts",
  objectName = "countries",
): GeoJSON.MultiLineString {
  const object = topology.objects[objectName];
  if (object?.type !== "GeometryCollection")
    throw new Error(`no geometry collection "${objectName}" in the topology`);
  const collection = object as Parameters<typeof mesh>[1];
  const lines = mesh(topology, collection, which === "borders" ? (a, b) => a !== b : (a, b) => a === b);
  const out: Position[][] = [];
  for (const line of lines.coordinates) {
    let part: Position[] = [];
    for (const point of line) {
      const prev = part.at(-1);
      if (prev && Math.abs((point[0] as number) - (prev[0] as number)) > 180) {
        if (part.length > 1) out.push(part);
        part = [];
      }
      part.push(point);
    }
    if (part.length > 1) out.push(part);
  }
  return { type: "MultiLineString", coordinates: out };
}

function unwrapRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  let offset = 0;
  for (const [lng0, lat] of ring as [number, number][]) {
    let lng = lng0 + offset;
    const prev = out.at(-1)?.[0];
    if (prev !== undefined) {
      while (lng - prev > 180) {
        offset -= 360;
        lng -= 360;
      }
      while (prev - lng > 180) {
        offset += 360;
        lng += 360;
      }
    }
    out.push([lng, lat]);
  }
  const first = out[0];
  const last = out.at(-1);
  if (first && last && Math.abs((last[0] as number) - (first[0] as number)) > 180) {
    // The ring went once around the globe: it encloses a pole. Close it along that pole.
    const meanLat = out.reduce((sum, p) => sum + (p[1] as number), 0) / out.length;
    const pole = meanLat < 0 ? -90 : 90;
    out.push([last[0] as number, pole], [first[0] as number, pole], first);
  }
  return out;
}

function shift(rings: Position[][], by: number): Position[][] {
  return rings.map((ring) => ring.map(([lng, lat]) => [(lng as number) + by, lat as number]));
}
