import { describe, expect, it } from "vitest";
import { createRng } from "../src/seed/prng.ts";

const draw = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next32());
};

describe("seeded PRNG", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    expect(draw(7, 50)).toEqual(draw(7, 50));
    expect(draw(7, 50)).not.toEqual(draw(8, 50));
  });

  it("keeps integers within inclusive bounds and reaches both ends", () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 5_000; i++) {
      const v = rng.int(3, 9);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(9);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it("spreads floats evenly enough over [0, 1)", () => {
    const rng = createRng(42);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(rng.next() * 10)]++;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it("honours weights", () => {
    const rng = createRng(3);
    let heavy = 0;
    for (let i = 0; i < 20_000; i++)
      if (
        rng.weighted([
          ["a", 3],
          ["b", 1],
        ] as const) === "a"
      )
        heavy++;
    expect(heavy / 20_000).toBeGreaterThan(0.72);
    expect(heavy / 20_000).toBeLessThan(0.78);
  });

  it("samples distinct items", () => {
    const picked = createRng(5).sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(picked).size).toBe(4);
    expect(createRng(5).sample([1, 2], 10)).toHaveLength(2);
  });

  it("makes well-formed, reproducible, distinct v4 UUIDs", () => {
    const a = createRng(9);
    const ids = Array.from({ length: 1_000 }, () => a.uuid());
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(createRng(9).uuid()).toBe(ids[0]);
  });

  it("rejects a non-integer seed", () => {
    expect(() => createRng(1.5)).toThrow(/integer/);
  });
});
