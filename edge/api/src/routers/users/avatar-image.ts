import { AppError } from "@hometrip/contracts";

export const maxAvatarBytes = 2 * 1024 * 1024;

export type AvatarContentType = "image/png" | "image/jpeg" | "image/webp";

const signatures: Record<AvatarContentType, (bytes: Uint8Array) => boolean> = {
  "image/png": (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  "image/jpeg": (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  // RIFF container: "RIFF", 4 bytes of size, then "WEBP".
  "image/webp": (b) =>
    startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
};

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, i) => bytes[i] === value);
}

/** The declared media type, without parameters, if it is one we store. */
export function declaredAvatarType(header: string | null | undefined): AvatarContentType {
  const mediaType = (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType in signatures) return mediaType as AvatarContentType;
  throw new AppError(
    "BAD_REQUEST",
    "An avatar must be a PNG, JPEG or WebP image (Content-Type image/png, image/jpeg or image/webp)",
  );
}

/**
 * The declared type must match the file's own signature: the stored type is served back, and a
 * browser must never be told "image" about bytes that are something else.
 */
export function assertAvatarBytes(type: AvatarContentType, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new AppError("BAD_REQUEST", "The avatar is empty");
  if (!signatures[type](bytes))
    throw new AppError("BAD_REQUEST", `The file is not a ${type.slice(6).toUpperCase()} image`);
}

const tooLarge = () => new AppError("BAD_REQUEST", "An avatar may be at most 2 MB");

/** Reads the body, refusing (without buffering the rest) once it passes `maxAvatarBytes`. */
export async function readAvatarBody(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxAvatarBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxAvatarBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
