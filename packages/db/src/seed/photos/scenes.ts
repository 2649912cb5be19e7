import type { Rng } from "../prng.ts";
import { type Canvas, type Rgb, shade } from "./canvas.ts";
import { exterior, view } from "./outdoors.ts";
import { fabrics, skies, walls, woods } from "./palette.ts";

export type SceneKind = "living" | "bedroom" | "kitchen" | "bathroom" | "view" | "exterior";

function floor(c: Canvas, rng: Rng, horizon: number): void {
  const wood = rng.pick(woods);
  c.rect(0, horizon, 1, 1, shade(wood, -0.15), shade(wood, 0.1));
  const planks = rng.int(6, 12);
  for (let i = 1; i < planks; i++)
    c.rect(
      0,
      horizon + ((1 - horizon) * i) / planks,
      1,
      horizon + ((1 - horizon) * i) / planks + 0.003,
      shade(wood, -0.3),
      shade(wood, -0.3),
      0.5,
    );
}

function window(c: Canvas, rng: Rng, x: number, y: number, w: number, h: number): void {
  const [top, bottom] = rng.pick(skies);
  c.rect(x - 0.01, y - 0.015, x + w + 0.01, y + h + 0.015, [250, 250, 248]);
  c.rect(x, y, x + w, y + h, top, bottom);
  c.polygon(
    [
      [x, y + h],
      [x, y + h * 0.7],
      [x + w * 0.4, y + h * 0.55],
      [x + w, y + h * 0.75],
      [x + w, y + h],
    ],
    [96, 140, 104],
    0.8,
  );
  c.rect(x + w / 2 - 0.004, y, x + w / 2 + 0.004, y + h, [250, 250, 248]);
}

function lamp(c: Canvas, x: number, base: number): void {
  c.rect(x - 0.003, base - 0.3, x + 0.003, base, [60, 60, 60]);
  c.polygon(
    [
      [x - 0.04, base - 0.3],
      [x + 0.04, base - 0.3],
      [x + 0.025, base - 0.38],
      [x - 0.025, base - 0.38],
    ],
    [250, 236, 200],
  );
  c.disc(x, base - 0.32, 0.09, [255, 240, 200], 0.12);
}

function plant(c: Canvas, rng: Rng, x: number, base: number): void {
  c.rect(x - 0.03, base - 0.08, x + 0.03, base, [180, 110, 80], [150, 90, 64]);
  for (let i = 0; i < 6; i++)
    c.disc(
      x + rng.float(-0.05, 0.05),
      base - 0.1 - rng.float(0, 0.12),
      rng.float(0.025, 0.04),
      shade([70, 130, 70], rng.float(-0.3, 0.2)),
    );
}

function living(c: Canvas, rng: Rng): void {
  const wall = rng.pick(walls);
  c.rect(0, 0, 1, 0.68, shade(wall, 0.08), shade(wall, -0.08));
  floor(c, rng, 0.68);
  window(c, rng, rng.float(0.06, 0.5), 0.12, 0.3, 0.36);
  const rug = rng.pick(fabrics);
  c.polygon(
    [
      [0.18, 0.82],
      [0.82, 0.82],
      [0.92, 0.97],
      [0.08, 0.97],
    ],
    shade(rug, 0.45),
  );
  const sofa = rng.pick(fabrics);
  const x = rng.float(0.12, 0.3);
  c.rect(x, 0.46, x + 0.55, 0.62, shade(sofa, 0.1), sofa);
  c.rect(x - 0.04, 0.54, x + 0.59, 0.74, sofa, shade(sofa, -0.25));
  for (let i = 0; i < 3; i++)
    c.rect(x + 0.02 + i * 0.18, 0.55, x + 0.17 + i * 0.18, 0.64, shade(sofa, 0.2), shade(sofa, 0.05));
  c.rect(x + 0.18, 0.22, x + 0.36, 0.36, rng.pick(fabrics), shade(rng.pick(fabrics), 0.3));
  c.rect(0.35, 0.8, 0.65, 0.84, rng.pick(woods));
  lamp(c, x + 0.66, 0.74);
  plant(c, rng, 0.08, 0.78);
}

function bedroom(c: Canvas, rng: Rng): void {
  const wall = rng.pick(walls);
  c.rect(0, 0, 1, 0.66, shade(wall, 0.1), shade(wall, -0.06));
  floor(c, rng, 0.66);
  window(c, rng, rng.chance(0.5) ? 0.05 : 0.72, 0.14, 0.22, 0.32);
  const wood = rng.pick(woods);
  const sheet = rng.pick(fabrics);
  c.rect(0.3, 0.3, 0.7, 0.62, shade(wood, 0.05), wood);
  c.rect(0.27, 0.58, 0.73, 0.72, [246, 244, 240], [226, 224, 220]);
  c.rect(0.33, 0.52, 0.48, 0.6, [252, 252, 250]);
  c.rect(0.52, 0.52, 0.67, 0.6, [252, 252, 250]);
  c.rect(0.27, 0.64, 0.73, 0.9, shade(sheet, 0.15), shade(sheet, -0.1));
  c.rect(0.17, 0.6, 0.25, 0.76, wood, shade(wood, -0.2));
  c.rect(0.75, 0.6, 0.83, 0.76, wood, shade(wood, -0.2));
  lamp(c, 0.21, 0.6);
  c.rect(0.4, 0.12, 0.6, 0.24, shade(rng.pick(fabrics), 0.4), rng.pick(fabrics));
}

function kitchen(c: Canvas, rng: Rng): void {
  const wall = rng.pick(walls);
  const cabinet = rng.chance(0.5) ? rng.pick(woods) : shade(rng.pick(fabrics), rng.float(-0.1, 0.5));
  c.rect(0, 0, 1, 1, shade(wall, 0.1), wall);
  c.rect(0, 0.06, 1, 0.3, shade(cabinet, 0.1), cabinet);
  for (let x = 0; x < 1; x += 0.125) c.rect(x, 0.06, x + 0.004, 0.3, shade(cabinet, -0.3));
  const tile = shade(wall, rng.float(-0.1, 0.2));
  c.rect(0, 0.3, 1, 0.56, tile);
  for (let y = 0.3; y < 0.56; y += 0.04) c.rect(0, y, 1, y + 0.003, shade(tile, -0.15));
  c.rect(0, 0.56, 1, 0.6, [60, 60, 64], [90, 90, 94]);
  c.rect(0, 0.6, 1, 0.94, shade(cabinet, 0.05), shade(cabinet, -0.15));
  for (let x = 0; x < 1; x += 0.2) c.rect(x, 0.6, x + 0.004, 0.94, shade(cabinet, -0.35));
  c.rect(0, 0.94, 1, 1, [70, 66, 60]);
  const oven = rng.float(0.3, 0.6);
  c.rect(oven, 0.63, oven + 0.18, 0.9, [40, 40, 44], [70, 70, 74]);
  c.rect(oven + 0.02, 0.7, oven + 0.16, 0.86, [20, 20, 22], [50, 46, 44]);
  for (const x of [0.25, 0.5, 0.75]) {
    c.rect(x - 0.002, 0, x + 0.002, 0.12, [40, 40, 40]);
    c.disc(x, 0.14, 0.03, [252, 230, 170]);
  }
  plant(c, rng, rng.float(0.05, 0.2), 0.56);
}

function bathroom(c: Canvas, rng: Rng): void {
  const tile = rng.pick<Rgb>([
    [236, 240, 242],
    [214, 230, 232],
    [238, 230, 220],
    [200, 214, 226],
  ]);
  c.rect(0, 0, 1, 1, shade(tile, 0.1), shade(tile, -0.05));
  for (let y = 0; y < 1; y += 0.08) c.rect(0, y, 1, y + 0.003, shade(tile, -0.12));
  for (let x = 0; x < 1; x += 0.06) c.rect(x, 0.45, x + 0.002, 1, shade(tile, -0.12));
  c.rect(0, 0.86, 1, 1, shade(tile, -0.3));
  const left = rng.chance(0.5);
  c.rect(left ? 0.04 : 0.5, 0.56, left ? 0.5 : 0.96, 0.86, [250, 250, 250], [220, 222, 224]);
  c.rect(left ? 0.06 : 0.52, 0.56, left ? 0.48 : 0.94, 0.6, [200, 220, 230]);
  const sink = left ? 0.72 : 0.26;
  c.rect(sink - 0.12, 0.5, sink + 0.12, 0.72, rng.pick(woods), shade(rng.pick(woods), -0.2));
  c.rect(sink - 0.13, 0.47, sink + 0.13, 0.51, [248, 248, 248]);
  c.rect(sink - 0.09, 0.12, sink + 0.09, 0.4, [200, 214, 220], [236, 240, 242]);
  c.rect(sink - 0.1, 0.11, sink + 0.1, 0.12, [160, 150, 130]);
  plant(c, rng, left ? 0.92 : 0.08, 0.86);
}

export const scenes: Record<SceneKind, (c: Canvas, rng: Rng) => void> = {
  living,
  bedroom,
  kitchen,
  bathroom,
  view,
  exterior,
};
