import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * An 8-bit RGB PNG. Each row takes whichever of the None, Sub and Up filters leaves the smallest
 * residuals (the usual heuristic), which keeps the seed's flat-shaded pictures to tens of KB.
 */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const stride = width * 3;
  if (rgb.length !== stride * height) throw new Error("pixel buffer does not match the size");
  const raw = new Uint8Array((stride + 1) * height);
  const candidates = [new Uint8Array(stride), new Uint8Array(stride), new Uint8Array(stride)];
  for (let y = 0; y < height; y++) {
    const row = rgb.subarray(y * stride, (y + 1) * stride);
    const above = y > 0 ? rgb.subarray((y - 1) * stride, y * stride) : null;
    const [none, sub, up] = candidates as [Uint8Array, Uint8Array, Uint8Array];
    const residual = (r: number) => (r < 128 ? r : 256 - r);
    const cost = [0, 0, 0];
    for (let i = 0; i < stride; i++) {
      const v = row[i] as number;
      const s = (v - (i >= 3 ? (row[i - 3] as number) : 0)) & 0xff;
      const u = (v - (above ? (above[i] as number) : 0)) & 0xff;
      none[i] = v;
      sub[i] = s;
      up[i] = u;
      cost[0] = (cost[0] as number) + residual(v);
      cost[1] = (cost[1] as number) + residual(s);
      cost[2] = (cost[2] as number) + residual(u);
    }
    const best = cost.indexOf(Math.min(...cost));
    raw[y * (stride + 1)] = best;
    raw.set(candidates[best] as Uint8Array, y * (stride + 1) + 1);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
