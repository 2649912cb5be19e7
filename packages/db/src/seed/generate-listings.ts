import type { NewCalendarBlock, NewListing, NewListingPhoto, NewPriceOverride } from "../schema/index.ts";
import { listingPhotoUrlPrefix } from "../schema/listings.ts";
import type { SeedCity } from "./cities.ts";
import { amenityCatalog, houseRules, listingDescription, listingTitle, propertyTypes } from "./content.ts";
import { at, isoDay, weekday } from "./dates.ts";
import { demoPhotoPool } from "./photos/pool.ts";
import type { SceneKind } from "./photos/scenes.ts";
import type { Rng } from "./prng.ts";

/** Bookings are generated inside [today - HISTORY_DAYS, today + FUTURE_DAYS). */
export const HISTORY_DAYS = 180;
export const FUTURE_DAYS = 120;

const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

export function generateListing(rng: Rng, today: number, city: SeedCity, hostId: string): NewListing {
  const type = rng.weighted(propertyTypes);
  const hood = rng.pick(city.neighbourhoods);
  const bedrooms =
    type === "private_room"
      ? 1
      : rng.weighted([
          [0, 1],
          [1, 8],
          [2, 6],
          [3, 3],
          [4, 1],
        ] as const);
  const beds = Math.max(1, bedrooms + rng.int(0, 2));
  const capacity = Math.max(1, beds * rng.int(1, 2));
  const [low, high] = city.nightly;
  // Squaring skews prices toward the low end, as real price distributions are.
  const nightly = roundTo(low + (high - low) * rng.next() ** 2 * (1 + bedrooms / 4), 100);
  const minNights = rng.weighted([
    [1, 5],
    [2, 4],
    [3, 2],
    [5, 1],
  ] as const);
  const status = rng.weighted([
    ["published", 92],
    ["unlisted", 5],
    ["draft", 3],
  ] as const);
  const created = today - rng.int(200, 1500);
  const latJitter = (rng.next() - 0.5) * 0.018;
  const lngJitter = ((rng.next() - 0.5) * 0.018) / Math.cos((hood.lat * Math.PI) / 180);
  const createdAt = at(created, rng.int(0, 1439));
  // Some hosts charge more on Friday and Saturday nights and reward long stays.
  const weekendPrice = rng.chance(0.35) ? roundTo(nightly * rng.float(1.1, 1.3), 100) : null;
  const weeklyDiscountPercent = rng.chance(0.3) ? rng.pick([5, 10, 15]) : 0;
  const monthlyDiscountPercent = rng.chance(0.2) ? rng.pick([15, 20, 30]) : 0;
  return {
    id: rng.uuid(),
    hostId,
    title: listingTitle(rng, type, hood.name),
    description: listingDescription(rng, hood.name, city.name),
    propertyType: type,
    status,
    addressLine1: `${rng.pick(city.streets)} ${rng.int(1, 240)}`,
    addressLine2: rng.chance(0.4) ? `Floor ${rng.int(1, 6)}` : null,
    city: city.name,
    region: city.region,
    postalCode: `${city.postalPrefix}${String(rng.int(0, 999)).padStart(3, "0")}`,
    country: city.country,
    lat: Number((hood.lat + latJitter).toFixed(6)),
    lng: Number((hood.lng + lngJitter).toFixed(6)),
    timezone: city.timezone,
    capacity,
    bedrooms,
    beds,
    baths: rng.int(2, Math.max(2, bedrooms * 2)) / 2,
    amenities: rng.sample(amenityCatalog, rng.int(5, 14)).sort(),
    houseRules: houseRules(rng),
    checkInTime: rng.pick(["14:00", "15:00", "15:00", "16:00"]),
    checkOutTime: rng.pick(["10:00", "11:00", "11:00"]),
    nightlyPrice: nightly,
    cleaningFee: roundTo(nightly * rng.float(0.1, 0.35), 100),
    weekendPrice,
    weeklyDiscountPercent,
    monthlyDiscountPercent,
    currency: city.currency,
    minNights,
    maxNights: rng.pick([28, 30, 90, 365]),
    instantBook: rng.chance(0.45),
    cancellationPolicy: rng.weighted([
      ["flexible", 3],
      ["moderate", 4],
      ["strict", 2],
      ["non_refundable", 1],
    ] as const),
    publishedAt: status === "draft" ? null : at(created + rng.int(1, 10), 600),
    createdAt,
    updatedAt: createdAt,
  };
}

/**
 * Five to eight photos from the shared demo pool (objects in the listing-photos bucket, drawn and
 * put there by the dev stack): a cover of the living room or the outside, then the rooms a guest
 * looks for. `objectKey` stays NULL: the objects are shared, so deleting one listing's photo must
 * not delete the picture from the bucket.
 */
export function generatePhotos(rng: Rng, listing: NewListing): NewListingPhoto[] {
  const rooms: SceneKind[] = [
    rng.pick(["living", "exterior"] as const),
    "bedroom",
    "kitchen",
    "bathroom",
    "view",
  ];
  const extras = rng.int(0, 3);
  for (let i = 0; i < extras; i++) rooms.push(rng.pick(["bedroom", "living", "view", "exterior"] as const));
  const used = new Set<string>();
  return rooms.map((kind, position) => {
    const choices = demoPhotoPool[kind].filter((p) => !used.has(p.key));
    const photo = rng.pick(choices);
    used.add(photo.key);
    return {
      id: rng.uuid(),
      listingId: listing.id as string,
      url: `${listingPhotoUrlPrefix}${photo.key}`,
      objectKey: null,
      caption: photo.caption,
      width: photo.width,
      height: photo.height,
      position,
      createdAt: listing.createdAt,
    };
  });
}

/** Per-date surcharges on the weekends of the next eight weeks, for some listings. */
export function generatePriceOverrides(rng: Rng, today: number, listing: NewListing): NewPriceOverride[] {
  if (!rng.chance(0.25)) return [];
  const surcharge = rng.float(1.1, 1.35);
  const rows: NewPriceOverride[] = [];
  for (let day = today; day < today + 56; day++) {
    const dow = weekday(day);
    if (dow !== 5 && dow !== 6) continue;
    rows.push({
      listingId: listing.id as string,
      date: isoDay(day),
      nightlyPrice: roundTo(listing.nightlyPrice * surcharge, 100),
      createdAt: at(today - 3, 600),
    });
  }
  return rows;
}

/** A host block placed after the booking horizon, so it never collides with a seeded stay. */
export function generateBlock(rng: Rng, today: number, listing: NewListing): NewCalendarBlock | null {
  if (!rng.chance(0.3)) return null;
  const start = today + FUTURE_DAYS + rng.int(1, 30);
  const createdAt = at(today - rng.int(1, 20), 600);
  return {
    id: rng.uuid(),
    listingId: listing.id as string,
    checkIn: isoDay(start),
    checkOut: isoDay(start + rng.int(3, 14)),
    note: rng.pick(["Family visiting", "Renovation", "Owner stay", null]),
    createdBy: listing.hostId,
    createdAt,
    updatedAt: createdAt,
  };
}
