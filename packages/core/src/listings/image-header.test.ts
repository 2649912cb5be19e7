import { describe, expect, it } from "vitest";
import { MAX_IMAGE_DIMENSION, readImageHeader, sniffImageType } from "./image-header.ts";

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const be16 = (n: number) => [(n >>> 8) & 255, n & 255];
const le32 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
const riff = (chunk: number[]) =>
  Uint8Array.from([...ascii("RIFF"), ...le32(chunk.length + 4), ...ascii("WEBP"), ...chunk]);

describe("readImageHeader", () => {
  it("reads a PNG's IHDR", () => {
    const png = Uint8Array.from([
      ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
      ...ascii("IHDR"),
      ...[0, 0, 0x0f, 0xa0, 0, 0, 0x0b, 0xb8],
    ]);
    expect(readImageHeader(png)).toEqual({ type: "image/png", width: 4000, height: 3000 });
  });

  it("refuses a PNG declaring a side beyond what a photo may have (2^31 and up included)", () => {
    const png = (width: number, height: number) =>
      Uint8Array.from([
        ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
        ...ascii("IHDR"),
        ...[width, height].flatMap((n) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]),
      ]);
    expect(readImageHeader(png(MAX_IMAGE_DIMENSION, 1))?.width).toBe(MAX_IMAGE_DIMENSION);
    for (const [width, height] of [
      [2 ** 31, 480],
      [640, 2 ** 32 - 1],
      [MAX_IMAGE_DIMENSION + 1, 480],
    ] as const) {
      expect(readImageHeader(png(width, height)), `${width}x${height}`).toBeNull();
    }
  });

  it("skips JPEG segments, fill bytes and restart markers to the progressive frame header", () => {
    const jpeg = Uint8Array.from([
      ...[0xff, 0xd8],
      ...[0xff, 0xe1, ...be16(6), 1, 2, 3, 4],
      ...[0xff, 0xff, 0xdb, ...be16(3), 0],
      ...[0xff, 0xc4, ...be16(3), 0],
      ...[0xff, 0xc2, ...be16(11), 8, ...be16(1080), ...be16(1920), 1, 1, 0x11, 0],
    ]);
    expect(readImageHeader(jpeg)).toEqual({ type: "image/jpeg", width: 1920, height: 1080 });
  });

  it("gives up on a JPEG whose scan starts before any frame header", () => {
    expect(readImageHeader(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2, 0xff, 0xd9]))).toBeNull();
  });

  it("reads the three WebP variants", () => {
    const lossy = riff([...ascii("VP8 "), ...le32(10), 0, 0, 0, 0x9d, 0x01, 0x2a, 0x20, 0x03, 0x58, 0x02]);
    expect(readImageHeader(lossy)).toEqual({ type: "image/webp", width: 800, height: 600 });
    const lossless = riff([...ascii("VP8L"), ...le32(5), 0x2f, ...le32(99 | (49 << 14))]);
    expect(readImageHeader(lossless)).toEqual({ type: "image/webp", width: 100, height: 50 });
    const extended = riff([...ascii("VP8X"), ...le32(10), 0, 0, 0, 0, 0xff, 0x3f, 0, 0xff, 0x1f, 0]);
    expect(readImageHeader(extended)).toEqual({ type: "image/webp", width: 16384, height: 8192 });
  });

  it("refuses zero sizes, truncation and unknown formats", () => {
    const zeroWide = Uint8Array.from([
      ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
      ...ascii("IHDR"),
      ...[0, 0, 0, 0, 0, 0, 1, 0],
    ]);
    expect(readImageHeader(zeroWide)).toBeNull();
    expect(readImageHeader(zeroWide.subarray(0, 20))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(readImageHeader(new Uint8Array())).toBeNull();
  });
});
