import type { FoundPlace } from "./address-search.tsx";
import { hasLocation, UNKNOWN_COUNTRY } from "./listing-steps.ts";
import type { HostListing } from "./use-listing.ts";

/** The location step's fields as typed text. */
export type LocationForm = {
  addressLine1: string;
  addressLine2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  lat: string;
  lng: string;
  timezone: string;
};

export function locationFormOf(listing: HostListing): LocationForm {
  const placed = hasLocation(listing);
  return {
    addressLine1: listing.addressLine1,
    addressLine2: listing.addressLine2 ?? "",
    city: listing.city,
    region: listing.region ?? "",
    postalCode: listing.postalCode ?? "",
    // A new draft's placeholders (country ZZ, 0,0) show as empty fields, not as choices.
    country: listing.country === UNKNOWN_COUNTRY ? "" : listing.country,
    lat: placed ? String(listing.lat) : "",
    lng: placed ? String(listing.lng) : "",
    timezone: listing.timezone,
  };
}

/** A place picked from the address search: its fields replace the typed ones it knows. */
export function withPlace(form: LocationForm, place: FoundPlace): LocationForm {
  return {
    ...form,
    addressLine1: place.addressLine1 ?? form.addressLine1,
    city: place.city,
    region: place.region ?? "",
    postalCode: place.postalCode ?? form.postalCode,
    country: place.country,
    lat: String(place.lat),
    lng: String(place.lng),
    timezone: place.timezone,
  };
}
