import { AppError } from "@hometrip/contracts";
import { type ImageHeader, type ListingPhotoType, readImageHeader, sniffImageType } from "@hometrip/core";
import { readLimitedBody } from "../services/limited-body.ts";

export const maxListingPhotoBytes = 10 * 1024 * 1024;

const accepted: readonly ListingPhotoType[] = ["image/png", "image/jpeg", "image/webp"];

const badPhoto = (message: string) => new AppError("BAD_REQUEST", message);

/**
 * The declared type must be one we serve and must match the file's own signature: the stored type
 * is sent back to browsers, which must never be told "image" about bytes that are something else.
 */
export function checkedListingPhoto(contentType: string | undefined, bytes: Uint8Array): ImageHeader {
  const declared = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!(accepted as readonly string[]).includes(declared)) {
    throw badPhoto(
      "A photo must be a PNG, JPEG or WebP image (Content-Type image/png, image/jpeg or image/webp)",
    );
  }
  if (bytes.length === 0) throw badPhoto("The photo is empty");
  if (sniffImageType(bytes) !== declared) {
    throw badPhoto(`The file is not a ${declared.slice(6).toUpperCase()} image`);
  }
  const header = readImageHeader(bytes);
  if (!header) throw badPhoto("The image's dimensions could not be read; the file may be damaged");
  return header;
}

const tooLarge = () => badPhoto("A photo may be at most 10 MB");

export function readListingPhotoBody(request: Request): Promise<Uint8Array> {
  return readLimitedBody(request, maxListingPhotoBytes, tooLarge);
}
