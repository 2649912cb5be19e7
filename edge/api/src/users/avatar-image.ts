import { AppError } from "@hometrip/contracts";
import { sniffImageType } from "@hometrip/core";
import { readLimitedBody } from "../services/limited-body.ts";

export const maxAvatarBytes = 2 * 1024 * 1024;

export type AvatarContentType = "image/png" | "image/jpeg" | "image/webp";

const accepted: readonly AvatarContentType[] = ["image/png", "image/jpeg", "image/webp"];

/** The declared media type, without parameters, if it is one we store. */
export function declaredAvatarType(header: string | null | undefined): AvatarContentType {
  const mediaType = (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if ((accepted as readonly string[]).includes(mediaType)) return mediaType as AvatarContentType;
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
  if (sniffImageType(bytes) !== type)
    throw new AppError("BAD_REQUEST", `The file is not a ${type.slice(6).toUpperCase()} image`);
}

const tooLarge = () => new AppError("BAD_REQUEST", "An avatar may be at most 2 MB");

export function readAvatarBody(request: Request): Promise<Uint8Array> {
  return readLimitedBody(request, maxAvatarBytes, tooLarge);
}
