import { sql } from "./db.ts";
import { call, createTestClient } from "./harness.ts";
import { createMember, type Member } from "./users-support.ts";

/** A member who became a host through the API, as the web app does it. */
export async function createHost(tag: string): Promise<Member> {
  const member = await createMember(tag);
  await createTestClient(member.auth).users.becomeHost.mutate();
  return member;
}

/**
 * What Stripe's `account.updated` does once the host finished Connect onboarding (or, with
 * `false`, when Stripe later stops their payouts): instant book depends on it.
 */
export async function setPayouts(host: Member, enabled: boolean): Promise<void> {
  await sql("update host_profiles set payouts_enabled = $2 where user_id = $1", [host.userId, enabled]);
}

export function putPhoto(
  listingId: string,
  body: BodyInit | null,
  contentType: string | null,
  headers: Record<string, string> = {},
) {
  return call(`/listings/${listingId}/photos`, {
    method: "PUT",
    headers: { ...(contentType && { "content-type": contentType }), ...headers },
    body,
  });
}

const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const be16 = (n: number) => [(n >>> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const le24 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];
const le32 = (n: number) => [...le16(n & 0xffff), ...le16(n >>> 16)];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const riff = (chunk: number[]) =>
  Uint8Array.from([...ascii("RIFF"), ...le32(chunk.length + 4), ...ascii("WEBP"), ...chunk]);

/** Files whose headers are what each format's reader expects; pixel data is irrelevant here. */
export const photos = {
  png: (width = 640, height = 480) =>
    Uint8Array.from([
      ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      ...be32(13),
      ...ascii("IHDR"),
      ...be32(width),
      ...be32(height),
      ...[8, 2, 0, 0, 0, 0, 0, 0, 0],
    ]),
  /** APP0 (JFIF) before the frame header, as real cameras write it. */
  jpeg: (width = 1024, height = 768) =>
    Uint8Array.from([
      ...[0xff, 0xd8],
      ...[0xff, 0xe0, 0, 16, ...ascii("JFIF"), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
      ...[0xff, 0xc0, 0, 17, 8, ...be16(height), ...be16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
      ...[0xff, 0xd9],
    ]),
  webpLossy: (width = 800, height = 600) =>
    riff([
      ...ascii("VP8 "),
      ...le32(10),
      0x30,
      0x01,
      0x00,
      0x9d,
      0x01,
      0x2a,
      ...le16(width),
      ...le16(height),
    ]),
  webpLossless: (width = 300, height = 200) => {
    const bits = (width - 1) | ((height - 1) << 14);
    return riff([...ascii("VP8L"), ...le32(5), 0x2f, ...le32(bits)]);
  },
  webpExtended: (width = 4000, height = 3000) =>
    riff([...ascii("VP8X"), ...le32(10), 0, 0, 0, 0, ...le24(width - 1), ...le24(height - 1)]),
};

export type ListingBody = {
  id: string;
  status: string;
  title: string;
  photos: { id: string; url: string; width: number; height: number; position: number }[];
  [field: string]: unknown;
};

/** Everything publishing needs except photos. */
export const completeDetails = (lat: number, lng: number, city: string) => ({
  description: "Bright flat two streets from the harbour.",
  addressLine1: "Rua das Flores 12",
  city,
  country: "PT",
  lat,
  lng,
  timezone: "Europe/Lisbon",
  capacity: 4,
  bedrooms: 2,
  beds: 3,
  baths: 1.5,
  amenities: ["wifi", "kitchen"],
  nightlyPrice: 12_500,
  cleaningFee: 3_000,
  currency: "EUR",
});

export async function createDraft(host: Member, title = "Harbour flat") {
  return createTestClient(host.auth).listings.create.mutate({ title, propertyType: "apartment" });
}

/** A published listing with five photos, at the given point. */
export async function createPublished(host: Member, at: { lat: number; lng: number; city: string }) {
  const api = createTestClient(host.auth);
  const draft = await createDraft(host);
  await api.listings.update.mutate({ id: draft.id, changes: completeDetails(at.lat, at.lng, at.city) });
  for (let i = 0; i < 5; i++) await putPhoto(draft.id, photos.png(600 + i, 400), "image/png", host.auth);
  return api.listings.publish.mutate({ id: draft.id });
}
