import type { RouterInputs } from "@hometrip/api";
import { daysBetween, isIsoDate, todayIn } from "@hometrip/contracts/dates";
import { amenityLabels, propertyTypeLabels } from "../../lib/listing-options.ts";

/**
 * Everything a search is, as it lives in the URL: a pasted or shared link reproduces the search,
 * and back/forward walk through the searches made. The encoding is canonical (fixed parameter
 * order, sorted lists, defaults left out) so one search always has one URL.
 */
export type SearchQueryInput = RouterInputs["search"]["listings"];
export type SearchSort = NonNullable<SearchQueryInput["sort"]>;
export type PropertyType = NonNullable<SearchQueryInput["propertyTypes"]>[number];
export type MapBounds = { north: number; south: number; east: number; west: number };

/** In the order the filters list them. */
export const propertyTypes = Object.keys(propertyTypeLabels) as PropertyType[];

export const searchSorts: readonly SearchSort[] = [
  "relevance",
  "price_asc",
  "price_desc",
  "rating",
  "distance",
];

export type SearchState = {
  place: string | null;
  checkIn: string | null;
  checkOut: string | null;
  guests: number | null;
  /** Major units (the histogram's edges are whole currency units); per night, or the stay total with dates. */
  priceMin: number | null;
  priceMax: number | null;
  propertyTypes: PropertyType[];
  bedroomsMin: number | null;
  amenities: string[];
  instantBook: boolean;
  sort: SearchSort;
  /** The map area searched ("Search this area"); replaces the place text. */
  bounds: MapBounds | null;
};

export const emptySearch: SearchState = {
  place: null,
  checkIn: null,
  checkOut: null,
  guests: null,
  priceMin: null,
  priceMax: null,
  propertyTypes: [],
  bedroomsMin: null,
  amenities: [],
  instantBook: false,
  sort: "relevance",
  bounds: null,
};

/** The API refuses longer stays and more guests; the URL never carries what it would refuse. */
const MAX_NIGHTS = 365;
const MAX_GUESTS = 50;
const MAX_AMENITIES = 30;
const BOUNDS_DECIMALS = 5;

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function reader(source: ParamSource) {
  if (source instanceof URLSearchParams) {
    return { one: (k: string) => source.get(k), all: (k: string) => source.getAll(k) };
  }
  const all = (k: string) => {
    const v = source[k];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  return { one: (k: string) => all(k)[0] ?? null, all };
}

function wholeNumber(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= min && n <= max ? n : null;
}

function parseBounds(value: string | null): MapBounds | null {
  if (!value) return null;
  const parts = value.split(",").map((p) => Number(p));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [west, south, east, north] = parts as [number, number, number, number];
  const inLng = (n: number) => n >= -180 && n <= 180;
  const inLat = (n: number) => n >= -90 && n <= 90;
  if (!inLng(west) || !inLng(east) || !inLat(south) || !inLat(north) || north < south) return null;
  return { west, south, east, north };
}

function round(n: number): number {
  const f = 10 ** BOUNDS_DECIMALS;
  return Math.round(n * f) / f;
}

/** Today's date where the browser is (YYYY-MM-DD): its own zone, as the date inputs show. */
export const localToday = (now = new Date()): string => todayIn(undefined, now);

/**
 * A shared or bookmarked search whose check-in has passed: the dates go (the API refuses stays
 * that are over, and no home can be booked for them) and the rest of the search stays.
 */
export function withoutPastDates(
  state: SearchState,
  today: string,
): { state: SearchState; datesPassed: boolean } {
  if (!state.checkIn || state.checkIn >= today) return { state, datesPassed: false };
  return { state: { ...state, checkIn: null, checkOut: null }, datesPassed: true };
}

/** The state a URL describes; anything malformed or contradictory is dropped, never guessed. */
export function parseSearchParams(source: ParamSource): SearchState {
  const p = reader(source);
  const place = p.one("q")?.trim().slice(0, 200) || null;

  let checkIn: string | null = p.one("checkin");
  let checkOut: string | null = p.one("checkout");
  if (!isIsoDate(checkIn) || !isIsoDate(checkOut)) {
    checkIn = null;
    checkOut = null;
  } else {
    const nights = daysBetween(checkIn, checkOut);
    if (nights < 1 || nights > MAX_NIGHTS) {
      checkIn = null;
      checkOut = null;
    }
  }

  let priceMin = wholeNumber(p.one("price_min"), 0, 1_000_000);
  let priceMax = wholeNumber(p.one("price_max"), 0, 1_000_000);
  if (priceMin !== null && priceMax !== null && priceMin > priceMax)
    [priceMin, priceMax] = [priceMax, priceMin];

  const types = new Set(p.all("type"));
  const amenities = [...new Set(p.all("amenity").map((a) => a.trim().slice(0, 60)))]
    .filter(Boolean)
    .sort()
    .slice(0, MAX_AMENITIES);
  const bounds = parseBounds(p.one("bounds"));
  const sortParam = p.one("sort") as SearchSort | null;
  let sort: SearchSort = sortParam && searchSorts.includes(sortParam) ? sortParam : "relevance";
  // Distance is measured from the centre of the map area; without one there is nothing to measure from.
  if (sort === "distance" && !bounds) sort = "relevance";

  return {
    place,
    checkIn,
    checkOut,
    guests: wholeNumber(p.one("guests"), 1, MAX_GUESTS),
    priceMin,
    priceMax,
    propertyTypes: propertyTypes.filter((t) => types.has(t)),
    bedroomsMin: wholeNumber(p.one("bedrooms"), 1, 50),
    amenities,
    instantBook: p.one("instant") === "1",
    sort,
    bounds,
  };
}

/** The canonical query string (without "?") for a state; empty for an empty search. */
export function searchParamsOf(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.place) params.set("q", state.place);
  if (state.checkIn && state.checkOut) {
    params.set("checkin", state.checkIn);
    params.set("checkout", state.checkOut);
  }
  if (state.guests) params.set("guests", String(state.guests));
  if (state.priceMin !== null) params.set("price_min", String(state.priceMin));
  if (state.priceMax !== null) params.set("price_max", String(state.priceMax));
  for (const type of propertyTypes.filter((t) => state.propertyTypes.includes(t)))
    params.append("type", type);
  if (state.bedroomsMin) params.set("bedrooms", String(state.bedroomsMin));
  for (const amenity of [...new Set(state.amenities)].sort()) params.append("amenity", amenity);
  if (state.instantBook) params.set("instant", "1");
  if (state.bounds) {
    const { west, south, east, north } = state.bounds;
    params.set("bounds", [west, south, east, north].map(round).join(","));
  }
  if (state.sort !== "relevance") params.set("sort", state.sort);
  return params.toString();
}

export function searchHref(state: SearchState): string {
  const qs = searchParamsOf(state);
  return qs ? `/search?${qs}` : "/search";
}

/** What search.listings is asked for this state (prices in minor units, as the API counts them). */
export function searchQueryOf(state: SearchState, limit = 20): SearchQueryInput {
  const query: SearchQueryInput = { sort: state.sort, limit };
  if (state.place) query.text = state.place;
  if (state.bounds) query.bounds = state.bounds;
  if (state.checkIn && state.checkOut) {
    query.checkIn = state.checkIn;
    query.checkOut = state.checkOut;
  }
  if (state.guests) query.guests = state.guests;
  if (state.priceMin !== null) query.priceMin = state.priceMin * 100;
  if (state.priceMax !== null) query.priceMax = state.priceMax * 100;
  if (state.propertyTypes.length) query.propertyTypes = state.propertyTypes;
  if (state.bedroomsMin) query.bedroomsMin = state.bedroomsMin;
  if (state.amenities.length) query.amenities = state.amenities;
  if (state.instantBook) query.instantBook = true;
  return query;
}

/** The filters beyond place, dates and guests that are set, for a "Filters (3)" badge. */
export function activeFilterCount(state: SearchState): number {
  return (
    (state.priceMin !== null || state.priceMax !== null ? 1 : 0) +
    state.propertyTypes.length +
    (state.bedroomsMin ? 1 : 0) +
    state.amenities.length +
    (state.instantBook ? 1 : 0)
  );
}

export function withoutFilters(state: SearchState): SearchState {
  return {
    ...state,
    priceMin: null,
    priceMax: null,
    propertyTypes: [],
    bedroomsMin: null,
    amenities: [],
    instantBook: false,
  };
}

/** A listing page link that carries the trip over (dates and guests) from the search. */
export function listingHref(id: string, trip: Pick<SearchState, "checkIn" | "checkOut" | "guests">): string {
  const params = new URLSearchParams();
  if (trip.checkIn && trip.checkOut) {
    params.set("checkin", trip.checkIn);
    params.set("checkout", trip.checkOut);
  }
  if (trip.guests) params.set("guests", String(trip.guests));
  const qs = params.toString();
  return qs ? `/listings/${id}?${qs}` : `/listings/${id}`;
}

/** The editor's own words ("Private room", "Wi-Fi"); a value without one is shown as words. */
export function propertyTypeLabel(type: string): string {
  return (propertyTypeLabels as Record<string, string>)[type] ?? asWords(type);
}

export function amenityLabel(amenity: string): string {
  const key = amenity.trim();
  return amenityLabels[key] ?? asWords(key);
}

/** "private_room" → "Private room". */
function asWords(value: string): string {
  const words = value.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type TripErrors = Partial<Record<"checkIn" | "checkOut" | "guests", string>>;

/** The checks the API would make, said in words before asking it. */
export function tripErrors(
  form: { checkIn: string; checkOut: string; guests: string },
  today: string,
): TripErrors {
  const errors: TripErrors = {};
  const { checkIn, checkOut } = form;
  if (checkIn && !isIsoDate(checkIn)) errors.checkIn = "Enter a date.";
  else if (checkIn && checkIn < today) errors.checkIn = "Check-in cannot be in the past.";
  if (checkOut && !isIsoDate(checkOut)) errors.checkOut = "Enter a date.";
  if (!errors.checkIn && !errors.checkOut) {
    if (checkIn && !checkOut) errors.checkOut = "Add a check-out date too.";
    else if (!checkIn && checkOut) errors.checkIn = "Add a check-in date too.";
    else if (checkIn && checkOut && daysBetween(checkIn, checkOut) < 1) {
      errors.checkOut = "Check-out must be after check-in.";
    } else if (checkIn && checkOut && daysBetween(checkIn, checkOut) > 365) {
      errors.checkOut = "Stays can be at most 365 nights.";
    }
  }
  if (form.guests && !/^(?:[1-9]|[1-4]\d|50)$/.test(form.guests.trim()))
    errors.guests = "From 1 to 50 guests.";
  return errors;
}
