import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { allDemoPhotos, renderDemoPhoto } from "./pool.ts";

const ihdr = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20), depth: png[24], colour: png[25] };
};

describe("demo photo pool", () => {
  const photos = allDemoPhotos();

  it("has distinct keys shaped like an uploaded photo's", () => {
    expect(new Set(photos.map((p) => p.key)).size).toBe(photos.length);
    for (const p of photos) expect(p.key).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("draws each key as a PNG of the size its rows claim, the same bytes every time", () => {
    const photo = photos[3]!;
    const png = renderDemoPhoto(photo);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(ihdr(png)).toEqual({ width: photo.width, height: photo.height, depth: 8, colour: 2 });
    const idat = png.subarray(41, 41 + new DataView(png.buffer, png.byteOffset).getUint32(33));
    expect(inflateSync(idat).length).toBe((photo.width * 3 + 1) * photo.height);
    expect(renderDemoPhoto(photo)).toEqual(png);
  });

  it("draws different pictures for different variants of a room", () => {
    const [a, b] = photos.filter((p) => p.kind === "bedroom");
    expect(Buffer.from(renderDemoPhoto(a!)).equals(Buffer.from(renderDemoPhoto(b!)))).toBe(false);
  });
});
