import { base64ToBytes } from "../auth/totp-secret-box.ts";

/**
 * The export feed's secret path segment: HMAC-SHA-256(listingId) under a key derived (HKDF, own
 * `info` label) from TOTP_ENCRYPTION_KEY, so no column or extra setting is needed. It is stable
 * for a listing; rotating TOTP_ENCRYPTION_KEY changes every feed URL (and, independently of this,
 * the two-factor keys). 128 bits are kept: unguessable, still a short URL.
 */
export async function icalFeedToken(masterKeyBase64: string, listingId: string): Promise<string> {
  const master = await crypto.subtle.importKey("raw", base64ToBytes(masterKeyBase64), "HKDF", false, [
    "deriveKey",
  ]);
  const key = await crypto.subtle.deriveKey(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: new Uint8Array(0),
      info: new TextEncoder().encode("hometrip/ical-export/v1"),
    },
    master,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(listingId)));
  return [...mac.slice(0, 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Same work whatever the input, so a wrong token takes as long as a nearly right one. */
export async function icalTokenMatches(masterKeyBase64: string, listingId: string, given: string) {
  const expected = await icalFeedToken(masterKeyBase64, listingId);
  if (given.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ given.charCodeAt(i);
  return diff === 0;
}
