/**
 * What `ops:traffic` sends: where visitors are (Cloudflare's `cf` fields of a real colo, weighted
 * roughly as a European-first marketplace would see them) and what they do.
 */
export interface Landing {
  colo: string;
  country: string;
  continent: string;
  region: string;
  city: string;
  timezone: string;
  weight: number;
}

export const landings: Landing[] = [
  {
    colo: "LIS",
    country: "PT",
    continent: "EU",
    region: "Lisbon",
    city: "Lisbon",
    timezone: "Europe/Lisbon",
    weight: 14,
  },
  {
    colo: "MAD",
    country: "ES",
    continent: "EU",
    region: "Madrid",
    city: "Madrid",
    timezone: "Europe/Madrid",
    weight: 10,
  },
  {
    colo: "FRA",
    country: "DE",
    continent: "EU",
    region: "Hesse",
    city: "Frankfurt",
    timezone: "Europe/Berlin",
    weight: 12,
  },
  {
    colo: "LHR",
    country: "GB",
    continent: "EU",
    region: "England",
    city: "London",
    timezone: "Europe/London",
    weight: 12,
  },
  {
    colo: "CDG",
    country: "FR",
    continent: "EU",
    region: "Île-de-France",
    city: "Paris",
    timezone: "Europe/Paris",
    weight: 9,
  },
  {
    colo: "IAD",
    country: "US",
    continent: "NA",
    region: "Virginia",
    city: "Ashburn",
    timezone: "America/New_York",
    weight: 10,
  },
  {
    colo: "SJC",
    country: "US",
    continent: "NA",
    region: "California",
    city: "San Jose",
    timezone: "America/Los_Angeles",
    weight: 7,
  },
  {
    colo: "YYZ",
    country: "CA",
    continent: "NA",
    region: "Ontario",
    city: "Toronto",
    timezone: "America/Toronto",
    weight: 4,
  },
  {
    colo: "GRU",
    country: "BR",
    continent: "SA",
    region: "São Paulo",
    city: "São Paulo",
    timezone: "America/Sao_Paulo",
    weight: 6,
  },
  {
    colo: "NRT",
    country: "JP",
    continent: "AS",
    region: "Tokyo",
    city: "Tokyo",
    timezone: "Asia/Tokyo",
    weight: 5,
  },
  {
    colo: "SIN",
    country: "SG",
    continent: "AS",
    region: "Singapore",
    city: "Singapore",
    timezone: "Asia/Singapore",
    weight: 5,
  },
  {
    colo: "SYD",
    country: "AU",
    continent: "OC",
    region: "New South Wales",
    city: "Sydney",
    timezone: "Australia/Sydney",
    weight: 3,
  },
  {
    colo: "JNB",
    country: "ZA",
    continent: "AF",
    region: "Gauteng",
    city: "Johannesburg",
    timezone: "Africa/Johannesburg",
    weight: 3,
  },
];

export type Visit =
  | "search"
  | "searchNear"
  | "listing"
  | "quote"
  | "missingListing"
  | "badSearch"
  | "wrongPassword"
  | "signedOutProfile"
  | "health"
  | "slowSearch";

/** Share of each kind of visit, in parts: browsing dominates, failures are a few percent. */
export const visitWeights: Record<Visit, number> = {
  search: 26,
  searchNear: 10,
  listing: 30,
  quote: 12,
  missingListing: 4,
  badSearch: 3,
  wrongPassword: 5,
  signedOutProfile: 5,
  health: 3,
  slowSearch: 2,
};

export function pickWeighted<T>(items: [T, number][], random: () => number): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return items[items.length - 1]![0];
}
