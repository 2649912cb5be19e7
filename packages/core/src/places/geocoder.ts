import { MAX_PLACES, type Place } from "@hometrip/contracts";
import { typosAllowed, withinEdits } from "./edit-distance.ts";
import { type KnownPlace, knownPlaces, namesOf, withoutDiacritics } from "./gazetteer.ts";
import { countryAliases } from "./place-aliases.ts";

/** Turns what a host types into places to choose from: the location step's address search. */
export interface Geocoder {
  readonly name: string;
  /** At most `MAX_PLACES`, best first; empty when nothing matches. */
  search(query: string): Promise<Place[]>;
}

/** Lower-case words without diacritics: how typed text and place names are compared. */
export const placeWords = (text: string) =>
  withoutDiacritics(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? [];

const countryNames = (code: string) => [
  new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code,
  ...(countryAliases[code] ?? []),
];

export function placeLabel(parts: (string | null | undefined)[]): string {
  return [...new Set(parts.filter((p): p is string => Boolean(p)))].join(", ");
}

interface Entry {
  place: KnownPlace;
  /** Words of the place's own names: matching these ranks it first. */
  own: string[];
  /** Every word it can be found by: own names, its city's, region's and country's names. */
  all: string[];
}

/** How well a typed word matches one of `words`: 3 exact, 2 prefix, 1 within the typos allowed, 0 not. */
function wordScore(typed: string, words: string[]): number {
  let best = 0;
  for (const word of words) {
    if (word === typed) return 3;
    if (word.startsWith(typed)) best = Math.max(best, 2);
    else if (best < 1 && withinEdits(typed, word, typosAllowed(typed.length))) best = 1;
  }
  return best;
}

/**
 * The offline default: the cities and neighbourhoods the product knows (the seed's), found by any
 * of their names, their city's, region's or country's, by prefix or with the search's typo rule.
 */
export function createGazetteerGeocoder(places: readonly KnownPlace[] = knownPlaces): Geocoder {
  const entries: Entry[] = places.map((place) => ({
    place,
    own: place.names.flatMap(placeWords),
    all: [
      ...place.names,
      ...namesOf(place.city),
      ...namesOf(place.region),
      ...countryNames(place.country),
      place.country,
    ].flatMap(placeWords),
  }));
  return {
    name: "gazetteer",
    async search(query) {
      const typed = placeWords(query);
      if (typed.length === 0) return [];
      const scored = entries.flatMap((entry) => {
        const scores = typed.map((word) => wordScore(word, entry.all));
        if (scores.some((s) => s === 0)) return [];
        const own = Math.max(...typed.map((word) => wordScore(word, entry.own)));
        return [{ entry, score: scores.reduce((a, b) => a + b, 0) + own }];
      });
      scored.sort(
        (a, b) =>
          b.score - a.score ||
          Number(a.entry.place.kind !== "city") - Number(b.entry.place.kind !== "city") ||
          a.entry.place.name.localeCompare(b.entry.place.name),
      );
      return scored.slice(0, MAX_PLACES).map(({ entry: { place } }) => ({
        kind: place.kind,
        label: placeLabel([place.name, place.city, place.region, countryNames(place.country)[0]]),
        addressLine1: null,
        city: place.city,
        region: place.region,
        postalCode: null,
        country: place.country,
        lat: place.lat,
        lng: place.lng,
        timezone: place.timezone,
      }));
    },
  };
}
