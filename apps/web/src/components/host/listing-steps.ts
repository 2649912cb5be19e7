/**
 * The editor's steps and what makes each one complete. Completeness is the API's own publish
 * check: every listing carries `missingForPublish` (title, description, addressLine1, city,
 * country, location, photos, nightlyPrice, capacity, beds), and a step is complete when none of
 * those belongs to it. A new draft holds placeholders (empty address, country ZZ, coordinates
 * 0,0, price 0, no beds) that the check counts as missing and the editor shows as empty fields.
 */
export const listingSteps = [
  { id: "basics", label: "Basics" },
  { id: "location", label: "Location" },
  { id: "details", label: "Details" },
  { id: "photos", label: "Photos" },
  { id: "pricing", label: "Pricing" },
  { id: "calendar", label: "Calendar" },
  { id: "publish", label: "Publish" },
] as const;

export type StepId = (typeof listingSteps)[number]["id"];

export const MIN_PHOTOS_TO_PUBLISH = 5;
export const UNKNOWN_COUNTRY = "ZZ";

/** The fields completeness looks at; the API's listing view has them all. */
export type ListingForSteps = {
  status: "draft" | "published" | "unlisted";
  missingForPublish: readonly string[];
  photos: readonly unknown[];
};

export function parseStep(value: string | null | undefined): StepId {
  return listingSteps.find((s) => s.id === value)?.id ?? "basics";
}

/** A draft's coordinates start at 0,0 ("not placed"), which the publish check treats as missing. */
export const hasLocation = (l: { lat: number; lng: number }) => !(l.lat === 0 && l.lng === 0);

/**
 * Per step: done, or still missing something publishing needs. Calendar has nothing required.
 * Photos count live: an upload adds one at once, before the listing (and its check) is re-read.
 */
export function stepCompletion(listing: ListingForSteps): Record<StepId, boolean> {
  const missing = new Set(listing.missingForPublish.filter((f) => f !== "photos").map(stepForField));
  return {
    basics: !missing.has("basics"),
    location: !missing.has("location"),
    details: !missing.has("details"),
    photos: listing.photos.length >= MIN_PHOTOS_TO_PUBLISH,
    pricing: !missing.has("pricing"),
    calendar: true,
    publish: listing.status === "published",
  };
}

/** Steps whose content publishing still needs, in editor order. */
export function incompleteSteps(listing: ListingForSteps): StepId[] {
  const done = stepCompletion(listing);
  return listingSteps.map((s) => s.id).filter((id) => id !== "calendar" && id !== "publish" && !done[id]);
}

const stepOfField: Record<string, StepId> = {
  title: "basics",
  description: "basics",
  propertyType: "basics",
  addressLine1: "location",
  addressLine2: "location",
  address: "location",
  city: "location",
  region: "location",
  postalCode: "location",
  country: "location",
  location: "location",
  lat: "location",
  lng: "location",
  timezone: "location",
  capacity: "details",
  bedrooms: "details",
  beds: "details",
  baths: "details",
  amenities: "details",
  houseRules: "details",
  checkInTime: "details",
  checkOutTime: "details",
  cancellationPolicy: "details",
  photos: "photos",
  nightlyPrice: "pricing",
  weekendPrice: "pricing",
  cleaningFee: "pricing",
  currency: "pricing",
  minNights: "pricing",
  maxNights: "pricing",
  leadTimeDays: "pricing",
  instantBook: "pricing",
  weeklyDiscountPercent: "pricing",
  monthlyDiscountPercent: "pricing",
  price: "pricing",
};

/**
 * The step that fixes a missing or invalid field: takes an API issue path ("changes.city",
 * "nightlyPrice") or a human field name ("nightly price", "Photos"); unknown names land on Publish.
 */
export function stepForField(field: string): StepId {
  const last = field.split(".").at(-1) ?? field;
  const direct = stepOfField[last];
  if (direct) return direct;
  const words = field.toLowerCase();
  // Longest names first, so "weekend price" finds weekendPrice before price.
  const byName = Object.keys(stepOfField)
    .sort((a, b) => b.length - a.length)
    .find((key) => new RegExp(`\\b${key.replace(/([A-Z])/g, " $1").toLowerCase()}\\b`).test(words));
  return byName ? (stepOfField[byName] ?? "publish") : "publish";
}
