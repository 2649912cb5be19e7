import { describe, expect, it } from "vitest";
import type { FoundPlace } from "./address-search.tsx";
import { type LocationForm, withPlace } from "./location-form.ts";

const typed: LocationForm = {
  addressLine1: "Rua de São Miguel 5",
  addressLine2: "2nd floor",
  city: "Lisbn",
  region: "",
  postalCode: "1100-544",
  country: "",
  lat: "",
  lng: "",
  timezone: "UTC",
};

const alfama: FoundPlace = {
  kind: "neighbourhood",
  label: "Alfama, Lisbon, Lisboa, Portugal",
  addressLine1: null,
  city: "Lisbon",
  region: "Lisboa",
  postalCode: null,
  country: "PT",
  lat: 38.7115,
  lng: -9.1305,
  timezone: "Europe/Lisbon",
};

describe("withPlace", () => {
  it("takes the place's city, region, country, position and zone, and keeps what it does not know", () => {
    expect(withPlace(typed, alfama)).toEqual({
      ...typed,
      city: "Lisbon",
      region: "Lisboa",
      country: "PT",
      lat: "38.7115",
      lng: "-9.1305",
      timezone: "Europe/Lisbon",
    });
  });

  it("takes a street and postal code when the geocoder found an address", () => {
    const address = {
      ...alfama,
      kind: "address" as const,
      addressLine1: "Rua Augusta 12",
      postalCode: "1100-053",
    };
    expect(withPlace(typed, address)).toMatchObject({
      addressLine1: "Rua Augusta 12",
      postalCode: "1100-053",
    });
  });
});
