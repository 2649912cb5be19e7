import type { NewListing } from "@hometrip/db";

/** A published-ready one-bedroom loft in Barcelona (€140 a night), for tests that need any listing. */
export function barcelonaLoft(hostId: string): NewListing {
  return {
    hostId,
    title: "Loft in Gràcia",
    propertyType: "loft",
    addressLine1: "Carrer de Verdi 10",
    city: "Barcelona",
    country: "ES",
    lat: 41.4036,
    lng: 2.1567,
    timezone: "Europe/Madrid",
    capacity: 2,
    bedrooms: 1,
    beds: 1,
    baths: 1,
    nightlyPrice: 14_000,
    currency: "EUR",
  };
}
