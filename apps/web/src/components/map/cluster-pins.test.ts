import { describe, expect, it } from "vitest";
import { clusterPins } from "./cluster-pins.ts";

// 1 degree = 100 px: easy to reason about.
const project = (p: { lat: number; lng: number }) => ({ x: p.lng * 100, y: -p.lat * 100 });
const pin = (id: string, lat: number, lng: number) => ({ id, lat, lng });

describe("clusterPins", () => {
  it("groups pins closer than the radius and keeps the others apart", () => {
    const pins = [pin("a", 0, 0), pin("b", 0, 0.2), pin("c", 0.3, 0), pin("d", 0, 1)];
    const clusters = clusterPins(pins, project, 40);
    expect(clusters.map((c) => c.pins.map((p) => p.id))).toEqual([["a", "b", "c"], ["d"]]);
    expect(clusters[0]).toMatchObject({ lat: expect.closeTo(0.1, 6), lng: expect.closeTo(0.0667, 3) });
    expect(clusters[1]).toMatchObject({ lat: 0, lng: 1 });
  });

  it("twenty homes in one neighbourhood become one group with a count", () => {
    const pins = Array.from({ length: 20 }, (_, i) =>
      pin(`p${i}`, 38.71 + (i % 5) * 0.001, -9.13 + i * 0.0005),
    );
    const clusters = clusterPins(pins, project, 40);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.pins).toHaveLength(20);
  });

  it("never puts a pin kept apart into a group", () => {
    const pins = [pin("a", 0, 0), pin("b", 0, 0.1), pin("c", 0, 0.2)];
    const clusters = clusterPins(pins, project, 40, new Set(["b"]));
    expect(clusters.map((c) => c.pins.map((p) => p.id))).toEqual([["a", "c"], ["b"]]);
    expect(clusterPins(pins, project, 40, new Set(["a"])).map((c) => c.pins.map((p) => p.id))).toEqual([
      ["a"],
      ["b", "c"],
    ]);
  });

  it("gives no group at all for no pins", () => {
    expect(clusterPins([], project, 40)).toEqual([]);
  });
});
