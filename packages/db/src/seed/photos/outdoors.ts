import type { Rng } from "../prng.ts";
import { type Canvas, type Rgb, shade } from "./canvas.ts";
import { fabrics, skies } from "./palette.ts";

/** The view from a terrace: sea or hills under a sky with the sun in it. */
export function view(c: Canvas, rng: Rng): void {
  const [top, bottom] = rng.pick(skies);
  c.rect(0, 0, 1, 0.6, top, bottom);
  c.disc(rng.float(0.15, 0.85), rng.float(0.12, 0.4), 0.05, [255, 244, 210], 0.9);
  const sea = rng.chance(0.5);
  const ridge = (y: number, color: Rgb) => {
    const pts: [number, number][] = [[0, 1]];
    for (let x = 0; x <= 1.0001; x += 0.1) pts.push([x, y - rng.float(0, 0.14)]);
    pts.push([1, 1]);
    c.polygon(pts, color);
  };
  if (sea) {
    ridge(0.52, [120, 136, 150]);
    c.rect(0, 0.55, 1, 1, [60, 120, 170], [30, 80, 130]);
    for (let i = 0; i < 14; i++)
      c.rect(
        rng.next(),
        0.58 + rng.next() * 0.3,
        rng.next(),
        0.585 + rng.next() * 0.3,
        [220, 236, 246],
        [220, 236, 246],
        0.25,
      );
  } else {
    ridge(0.5, [128, 146, 170]);
    ridge(0.62, [92, 128, 98]);
    ridge(0.76, [70, 110, 70]);
  }
  c.rect(0, 0.84, 1, 1, [176, 150, 120], [150, 126, 100]);
  c.rect(0, 0.74, 1, 0.76, [250, 250, 250]);
  for (let x = 0.02; x < 1; x += 0.06) c.rect(x, 0.76, x + 0.008, 0.84, [250, 250, 250]);
}

/** A house from its garden. */
export function exterior(c: Canvas, rng: Rng): void {
  const [top, bottom] = rng.pick(skies);
  c.rect(0, 0, 1, 0.72, top, bottom);
  c.rect(0, 0.72, 1, 1, [110, 160, 90], [80, 130, 70]);
  const facade = rng.pick<Rgb>([
    [240, 232, 216],
    [226, 200, 170],
    [250, 250, 246],
    [196, 110, 90],
    [170, 190, 200],
  ]);
  const roof = rng.pick<Rgb>([
    [150, 70, 56],
    [70, 70, 80],
    [110, 90, 80],
  ]);
  const [x0, x1] = [rng.float(0.12, 0.25), rng.float(0.75, 0.88)];
  c.rect(x0, 0.36, x1, 0.82, facade, shade(facade, -0.12));
  c.polygon(
    [
      [x0 - 0.04, 0.38],
      [(x0 + x1) / 2, rng.float(0.08, 0.16)],
      [x1 + 0.04, 0.38],
    ],
    roof,
  );
  const door = rng.float(x0 + 0.08, x1 - 0.14);
  c.rect(door, 0.6, door + 0.07, 0.82, shade(rng.pick(fabrics), -0.1));
  for (let x = x0 + 0.04; x < x1 - 0.1; x += 0.16) {
    if (Math.abs(x - door) < 0.1) continue;
    c.rect(x, 0.46, x + 0.09, 0.6, [220, 232, 240], [150, 176, 200]);
  }
  for (let i = 0; i < 3; i++) {
    const tx = rng.chance(0.5) ? rng.float(0, x0 - 0.02) : rng.float(x1 + 0.02, 1);
    c.rect(tx - 0.008, 0.6, tx + 0.008, 0.8, [100, 76, 56]);
    c.disc(tx, 0.56, rng.float(0.05, 0.08), shade([70, 120, 70], rng.float(-0.2, 0.2)));
  }
}
