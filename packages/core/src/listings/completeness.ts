import { MIN_PHOTOS_TO_PUBLISH } from "@hometrip/contracts";
import type { Listing } from "@hometrip/db";

export interface ListingIssue {
  path: string;
  message: string;
}

/** The country a draft starts with: ISO 3166 reserves ZZ for "unknown". */
export const UNKNOWN_COUNTRY = "ZZ";

/**
 * What stands between a listing and guests seeing it. The table's columns are NOT NULL, so a new
 * draft holds placeholders (empty address, 0,0 coordinates, ZZ, price 0, no beds) that count as missing.
 */
export function missingForPublication(listing: Listing, photoCount: number): ListingIssue[] {
  const issues: ListingIssue[] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) issues.push({ path, message });
  };
  need(listing.title.trim().length > 0, "title", "Add a title");
  need(listing.description.trim().length > 0, "description", "Add a description");
  need(listing.addressLine1.trim().length > 0, "addressLine1", "Add the street address");
  need(listing.city.trim().length > 0, "city", "Add the city");
  need(listing.country !== UNKNOWN_COUNTRY, "country", "Add the country");
  need(!(listing.lat === 0 && listing.lng === 0), "location", "Place the home on the map (lat, lng)");
  need(
    photoCount >= MIN_PHOTOS_TO_PUBLISH,
    "photos",
    `Add at least ${MIN_PHOTOS_TO_PUBLISH} photos (${photoCount} so far)`,
  );
  need(listing.nightlyPrice > 0, "nightlyPrice", "Set a nightly price");
  need(listing.capacity >= 1, "capacity", "Say how many guests the home sleeps");
  need(listing.beds >= 1, "beds", "Say how many beds there are");
  return issues;
}
