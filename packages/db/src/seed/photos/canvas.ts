export type Rgb = readonly [number, number, number];

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/** `color` lightened (amount > 0) or darkened (amount < 0), amount in [-1, 1]. */
export function shade(color: Rgb, amount: number): Rgb {
  const target = amount > 0 ? 255 : 0;
  const t = Math.abs(amount);
  return [
    color[0] + (target - color[0]) * t,
    color[1] + (target - color[1]) * t,
    color[2] + (target - color[2]) * t,
  ];
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** Just enough of a raster to draw the seed's pictures: rectangles, gradients, discs, polygons. */
export class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
  }

  private put(x: number, y: number, c: Rgb, alpha: number): void {
    const i = (y * this.width + x) * 3;
    const p = this.pixels;
    p[i] = clamp((p[i] as number) * (1 - alpha) + c[0] * alpha);
    p[i + 1] = clamp((p[i + 1] as number) * (1 - alpha) + c[1] * alpha);
    p[i + 2] = clamp((p[i + 2] as number) * (1 - alpha) + c[2] * alpha);
  }

  /** A rectangle in fractions of the picture (0..1), filled top-to-bottom from `top` to `bottom`. */
  rect(x0: number, y0: number, x1: number, y1: number, top: Rgb, bottom: Rgb = top, alpha = 1): void {
    const [l, r] = [
      Math.max(0, Math.round(x0 * this.width)),
      Math.min(this.width, Math.round(x1 * this.width)),
    ];
    const [t, b] = [
      Math.max(0, Math.round(y0 * this.height)),
      Math.min(this.height, Math.round(y1 * this.height)),
    ];
    for (let y = t; y < b; y++) {
      const c = mix(top, bottom, b - t > 1 ? (y - t) / (b - t - 1) : 0);
      for (let x = l; x < r; x++) this.put(x, y, c, alpha);
    }
  }

  /** A disc; `ry` defaults to a circle in pixels (the picture is wider than tall). */
  disc(
    cx: number,
    cy: number,
    rx: number,
    color: Rgb,
    alpha = 1,
    ry = (rx * this.width) / this.height,
  ): void {
    const [px, py, rw, rh] = [cx * this.width, cy * this.height, rx * this.width, ry * this.height];
    for (let y = Math.max(0, Math.floor(py - rh)); y < Math.min(this.height, Math.ceil(py + rh)); y++) {
      for (let x = Math.max(0, Math.floor(px - rw)); x < Math.min(this.width, Math.ceil(px + rw)); x++) {
        const d = ((x - px) / rw) ** 2 + ((y - py) / rh) ** 2;
        if (d <= 1) this.put(x, y, color, alpha * Math.min(1, (1 - d) * rw));
      }
    }
  }

  /** A convex or concave polygon, even-odd filled, points in fractions of the picture. */
  polygon(points: readonly (readonly [number, number])[], color: Rgb, alpha = 1): void {
    const pts = points.map(([x, y]) => [x * this.width, y * this.height] as const);
    const ys = pts.map((p) => p[1]);
    for (
      let y = Math.max(0, Math.floor(Math.min(...ys)));
      y < Math.min(this.height, Math.ceil(Math.max(...ys)));
      y++
    ) {
      const sy = y + 0.5;
      const xs: number[] = [];
      for (let i = 0; i < pts.length; i++) {
        const [a, b] = [
          pts[i] as readonly [number, number],
          pts[(i + 1) % pts.length] as readonly [number, number],
        ];
        if (a[1] <= sy !== b[1] <= sy) xs.push(a[0] + ((sy - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
      }
      xs.sort((p, q) => p - q);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const from = Math.max(0, Math.round(xs[k] as number));
        const to = Math.min(this.width, Math.round(xs[k + 1] as number));
        for (let x = from; x < to; x++) this.put(x, y, color, alpha);
      }
    }
  }
}
