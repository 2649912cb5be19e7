/**
 * The editor's steps and what makes each one complete. Completeness mirrors the API's publish
 * check (packages/core listings/completeness.ts): a new draft holds placeholders — empty address,
 * country ZZ, coordinates 0,0, price 0, no beds — that count as missing, so the editor shows
 * them as empty fields rather than as values the host chose.
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
  title: string;
  description: string;
  addressLine1: string;
  city: string;
  country: string;
  lat: number;
  lng: number;
  capacity: number;
  beds: number;
  nightlyPrice: number;
  photos: readonly unknown[];
};

export function parseStep(value: string | null | undefined): StepId {
  return listingSteps.find((s) => s.id === value)?.id ?? "basics";
}

export const hasLocation = (l: Pick<ListingForSteps, "lat" | "lng">) => !(l.lat === 0 && l.lng === 0);

/** Per step: done, or still missing something publishing needs. Calendar has nothing required. */
export function stepCompletion(listing: ListingForSteps): Record<StepId, boolean> {
  const basics = listing.title.trim() !== "" && listing.description.trim() !== "";
  const location =
    listing.addressLine1.trim() !== "" &&
    listing.city.trim() !== "" &&
    listing.country !== UNKNOWN_COUNTRY &&
    hasLocation(listing);
  const details = listing.capacity >= 1 && listing.beds >= 1;
  const photos = listing.photos.length >= MIN_PHOTOS_TO_PUBLISH;
  const pricing = listing.nightlyPrice > 0;
  return {
    basics,
    location,
    details,
    photos,
    pricing,
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
