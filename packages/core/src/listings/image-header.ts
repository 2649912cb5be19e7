export type ListingPhotoType = "image/png" | "image/jpeg" | "image/webp";

export interface ImageHeader {
  type: ListingPhotoType;
  width: number;
  height: number;
}

/**
 * The largest width or height a photo may declare: JPEG's own ceiling, far above any camera. PNG
 * headers can claim up to 2^32 - 1, which no integer column holds and no listing page shows.
 */
export const MAX_IMAGE_DIMENSION = 65_535;

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length && [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));

const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, at: number) => u16le(b, at) | ((b[at + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 0x10000 + u16be(b, at + 2);

/** The format the bytes themselves announce, whatever the request claimed. */
export function sniffImageType(bytes: Uint8Array): ListingPhotoType | null {
  if (bytes[0] === 0x89 && ascii(bytes, 1, "PNG\r\n\x1a\n")) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) return "image/webp";
  return null;
}

/**
 * Width and height from the header alone (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X), without
 * decoding pixels: a Worker has no image library, and the header is all the listing page needs.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const type = sniffImageType(bytes);
  const size =
    type === "image/png"
      ? pngSize(bytes)
      : type === "image/jpeg"
        ? jpegSize(bytes)
        : type
          ? webpSize(bytes)
          : null;
  if (!type || !size) return null;
  const inRange = (n: number) => n > 0 && n <= MAX_IMAGE_DIMENSION;
  if (!inRange(size.width) || !inRange(size.height)) return null;
  return { type, ...size };
}

type Size = { width: number; height: number };

function pngSize(b: Uint8Array): Size | null {
  if (!ascii(b, 12, "IHDR") || b.length < 24) return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

// Start-of-frame markers; C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding) are not frames.
const startOfFrame = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegSize(b: Uint8Array): Size | null {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    let marker = b[at + 1] ?? 0;
    while (marker === 0xff && at + 2 < b.length) marker = b[++at + 1] ?? 0;
    // Markers without a length field.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    // End of image or start of scan before any frame header: no dimensions to be had.
    if (marker === 0xd9 || marker === 0xda) return null;
    if (startOfFrame.has(marker)) {
      if (at + 9 > b.length) return null;
      return { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    at += 2 + u16be(b, at + 2);
  }
  return null;
}

function webpSize(b: Uint8Array): Size | null {
  const data = 20;
  if (ascii(b, 12, "VP8 ")) {
    if (b[data + 3] !== 0x9d || b[data + 4] !== 0x01 || b[data + 5] !== 0x2a) return null;
    return { width: u16le(b, data + 6) & 0x3fff, height: u16le(b, data + 8) & 0x3fff };
  }
  if (ascii(b, 12, "VP8L")) {
    if (b[data] !== 0x2f || b.length < data + 5) return null;
    const bits = u16le(b, data + 1) + u16le(b, data + 3) * 0x10000;
    return { width: (bits & 0x3fff) + 1, height: (Math.floor(bits / 0x4000) & 0x3fff) + 1 };
  }
  if (ascii(b, 12, "VP8X")) {
    if (b.length < data + 10) return null;
    return { width: u24le(b, data + 4) + 1, height: u24le(b, data + 7) + 1 };
  }
  return null;
}
