import type { ListingPhoto } from "./use-listing.ts";

/** What the API accepts (edge/api listings/photo-upload.ts checks both again). */
export const ACCEPTED_PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/**
 * Checks a chosen file before any byte is sent: the wrong type or a file over 10 MB gets its own
 * message beside its name, and the other files of the same pick still upload.
 */
export function photoFileProblem(file: { name: string; type: string; size: number }): string | null {
  if (!(ACCEPTED_PHOTO_TYPES as readonly string[]).includes(file.type)) {
    return "Not a photo we can use: choose a JPEG, PNG or WebP image.";
  }
  if (file.size === 0) return "The file is empty.";
  if (file.size > MAX_PHOTO_BYTES) {
    return `Too large (${(file.size / 1024 / 1024).toFixed(1)} MB): a photo may be at most 10 MB.`;
  }
  return null;
}

export type UploadResult = { ok: true; photo: ListingPhoto } | { ok: false; message: string; status: number };

/**
 * PUT /listings/:id/photos with the raw bytes (the web origin proxies it to the API). XHR rather
 * than fetch because only XHR reports upload progress. On a 401 (the access cookie expired) the
 * session is renewed by `renewSession` — a call through the tRPC client, whose fetch shares one
 * refresh between all callers: two refreshes of one single-use token would revoke the session.
 */
export async function uploadListingPhoto(
  listingId: string,
  file: File,
  onProgress: (fraction: number) => void,
  renewSession: () => Promise<unknown>,
): Promise<UploadResult> {
  let result = await send(listingId, file, onProgress);
  if (!result.ok && result.status === 401) {
    const renewed = await renewSession().then(
      () => true,
      () => false,
    );
    if (renewed) result = await send(listingId, file, onProgress);
  }
  return result;
}

function send(listingId: string, file: File, onProgress: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", `/listings/${encodeURIComponent(listingId)}/photos`);
    xhr.setRequestHeader("content-type", file.type);
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === "object" && "id" in body) {
        onProgress(1);
        resolve({ ok: true, photo: body as ListingPhoto });
        return;
      }
      const message =
        body && typeof body === "object" && "message" in body && typeof body.message === "string"
          ? body.message
          : `The upload failed (HTTP ${xhr.status}).`;
      resolve({ ok: false, message: sentence(message), status: xhr.status });
    };
    xhr.onerror = () =>
      resolve({
        ok: false,
        message: "We could not reach HomeTrip. Check your connection and try again.",
        status: 0,
      });
    xhr.send(file);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
