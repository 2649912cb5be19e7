import type { RouterInputs, RouterOutputs } from "@hometrip/api";

/** Option lists for the editor; `satisfies` keeps them in step with the API's enums. */
type Listing = RouterOutputs["listings"]["get"];
export type PropertyType = RouterInputs["listings"]["create"]["propertyType"];
export type CancellationPolicy = Listing["cancellationPolicy"];

export const propertyTypeLabels = {
  apartment: "Apartment",
  house: "House",
  villa: "Villa",
  cabin: "Cabin",
  cottage: "Cottage",
  loft: "Loft",
  condo: "Condo",
  townhouse: "Townhouse",
  guesthouse: "Guesthouse",
  private_room: "Private room",
} as const satisfies Record<PropertyType, string>;

export const propertyTypeOptions = Object.entries(propertyTypeLabels).map(([value, label]) => ({
  value,
  label,
}));

// Refund terms themselves belong to bookings (not built yet); these only say how the policies rank.
export const cancellationPolicies = {
  flexible: { label: "Flexible", hint: "The most generous refunds for guests who cancel." },
  moderate: { label: "Moderate", hint: "Refunds for guests who cancel well ahead." },
  strict: { label: "Strict", hint: "Limited refunds." },
  non_refundable: { label: "Non-refundable", hint: "No refund once booked." },
} as const satisfies Record<CancellationPolicy, { label: string; hint: string }>;

/** The amenities guests filter search by; hosts may add their own words too. */
export const amenityLabels: Record<string, string> = {
  wifi: "Wi-Fi",
  kitchen: "Kitchen",
  washer: "Washer",
  dryer: "Dryer",
  air_conditioning: "Air conditioning",
  heating: "Heating",
  dedicated_workspace: "Dedicated workspace",
  tv: "TV",
  hair_dryer: "Hair dryer",
  iron: "Iron",
  pool: "Pool",
  hot_tub: "Hot tub",
  free_parking: "Free parking",
  ev_charger: "EV charger",
  crib: "Crib",
  gym: "Gym",
  bbq_grill: "BBQ grill",
  breakfast: "Breakfast",
  fireplace: "Fireplace",
  smoke_alarm: "Smoke alarm",
  carbon_monoxide_alarm: "Carbon monoxide alarm",
  balcony: "Balcony",
  elevator: "Elevator",
  pets_allowed: "Pets allowed",
};

export const amenityCatalog = Object.keys(amenityLabels);

/** Currencies offered first; any ISO 4217 code the browser knows may be typed. */
export const commonCurrencies = [
  "EUR",
  "USD",
  "GBP",
  "CHF",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "CZK",
  "CAD",
  "AUD",
  "NZD",
  "JPY",
  "MXN",
  "BRL",
  "ZAR",
] as const;

export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code) || code === "ZZ") return null;
  try {
    const name = new Intl.DisplayNames(["en"], { type: "region" }).of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}

export function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC"];
  }
}
