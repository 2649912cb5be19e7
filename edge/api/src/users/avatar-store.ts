import { randomToken, setAvatar } from "@hometrip/core";
import type { Services } from "../services/index.ts";
import { errorFields } from "../services/logger.ts";
import type { AvatarContentType } from "./avatar-image.ts";

/** Random, so a new upload gets a new URL and a URL's bytes may be cached forever. */
export const avatarKeyPattern = /^[A-Za-z0-9_-]{32}$/;

/** Relative: the web app proxies /avatars/* to this API, so the same path works on both origins. */
export const avatarUrlOf = (key: string) => `/avatars/${key}`;

/**
 * Stores the new picture, points the account at it, then deletes the previous one. The object is
 * written first and removed again if the database update fails, so no account ever points at a
 * key that does not exist.
 */
export async function replaceAvatar(
  services: Services,
  bucket: R2Bucket,
  input: { userId: string; contentType: AvatarContentType; bytes: Uint8Array },
): Promise<{ avatarUrl: string }> {
  const key = randomToken(24);
  await bucket.put(key, input.bytes, {
    httpMetadata: { contentType: input.contentType },
    customMetadata: { userId: input.userId },
  });
  let previousKey: string | null;
  try {
    ({ previousKey } = await setAvatar(
      services.db,
      input.userId,
      { key, url: avatarUrlOf(key) },
      services.clock.now(),
    ));
  } catch (error) {
    await bucket.delete(key).catch(() => {});
    throw error;
  }
  if (previousKey) {
    await bucket.delete(previousKey).catch((error: unknown) => {
      services.logger.warn("old avatar not deleted", { key: previousKey, ...errorFields(error) });
    });
  }
  return { avatarUrl: avatarUrlOf(key) };
}
