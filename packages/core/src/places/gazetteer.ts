import { seedCities } from "@hometrip/db/seed/cities";
import { placeAliasGroups } from "./place-aliases.ts";

/** A city or neighbourhood the product knows, with its zone: the offline geocoder's whole world. */
export interface KnownPlace {
  kind: "city" | "neighbourhood";
  name: string;
  city: string;
  region: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  lat: number;
  lng: number;
  timezone: string;
  /** Every name the place is found by: its own, its aliases, and each without diacritics. */
  names: string[];
}

/** "Belém" → "Belem": people often type names without their accents. */
export const withoutDiacritics = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "");

/** `name`, its alias group, and each of them without diacritics, without repeats. */
export function namesOf(name: string): string[] {
  const key = name.toLowerCase();
  const group = placeAliasGroups.find((g) => g.some((n) => n.toLowerCase() === key)) ?? [name];
  return uniqueNames([name, ...group].flatMap((n) => [n, withoutDiacritics(n)]));
}

/** The first spelling of each name, ignoring case. */
export const uniqueNames = (names: string[]) => [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** The seed's cities (centre: the middle of their neighbourhoods) and their neighbourhoods. */
export const knownPlaces: readonly KnownPlace[] = seedCities.flatMap((c) => {
  const shared = { city: c.name, region: c.region, country: c.country, timezone: c.timezone };
  const city: KnownPlace = {
    kind: "city",
    name: c.name,
    ...shared,
    lat: mean(c.neighbourhoods.map((n) => n.lat)),
    lng: mean(c.neighbourhoods.map((n) => n.lng)),
    names: namesOf(c.name),
  };
  const hoods = c.neighbourhoods.map(
    (n): KnownPlace => ({
      kind: "neighbourhood",
      name: n.name,
      ...shared,
      lat: n.lat,
      lng: n.lng,
      names: namesOf(n.name),
    }),
  );
  return [city, ...hoods];
});
