import { knownPlaces, namesOf, uniqueNames, withoutDiacritics } from "./gazetteer.ts";
import { countryAliases, placeAliasGroups } from "./place-aliases.ts";

/**
 * The SQL function `search_place_names(city, region, country, lat, lng)` that the listings'
 * generated `search_document` column adds to a listing's place words: every name of its country
 * (English, local, short forms), the other names of its city and region (Lisbon ↔ Lisboa), and
 * the names of the known neighbourhood nearest its position within 2 km. It is IMMUTABLE because
 * its data is in its body; changing the data means a migration with this function's new output
 * (`bun run --cwd packages/core places:sql`), which rewrites the documents.
 */
export function searchPlaceNamesSql(): string {
  const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const english = new Intl.DisplayNames(["en"], { type: "region" });
  const countries = isoCountryCodes().map((code) => {
    const names = [english.of(code) ?? code, ...(countryAliases[code] ?? [])].flatMap((n) => [
      n,
      withoutDiacritics(n),
    ]);
    return `(${literal(code)}, ${literal(uniqueNames(names).join(" "))})`;
  });
  const aliases = placeAliasGroups.flatMap((group) => {
    const names = namesOf(group[0] ?? "");
    return names.map((name) => `(${literal(name.toLowerCase())}, ${literal(names.join(" "))})`);
  });
  const hoods = knownPlaces
    .filter((p) => p.kind === "neighbourhood")
    .map((p) => `(${literal(p.names.join(" "))}, ${p.lat}, ${p.lng})`);
  // Arguments by position: inside the VALUES subqueries a bare `lat` would name the column.
  return `CREATE OR REPLACE FUNCTION "search_place_names"(city text, region text, country text, lat float8, lng float8)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT concat_ws(' ',
    (SELECT c.names FROM (VALUES
      ${countries.join(",\n      ")}
    ) AS c(code, names) WHERE c.code = upper($3)),
    (SELECT string_agg(a.names, ' ') FROM (VALUES
      ${aliases.join(",\n      ")}
    ) AS a(name, names) WHERE a.name IN (lower($1), lower($2))),
    (SELECT n.names FROM (VALUES
      ${hoods.join(",\n      ")}
    ) AS n(names, lat, lng)
     WHERE abs(n.lat - $4) < 0.05 AND abs(n.lng - $5) < 0.05
       AND 111.195 * sqrt(power(n.lat - $4, 2) + power(cos(radians($4)) * (n.lng - $5), 2)) <= 2
     ORDER BY power(n.lat - $4, 2) + power(cos(radians($4)) * (n.lng - $5), 2) LIMIT 1))
$$`;
}

/** Every ISO 3166-1 alpha-2 code Intl names as a country (not the EU, UN or unknown-region codes). */
export function isoCountryCodes(): string[] {
  const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const notCountries = new Set([
    "EU",
    "EZ",
    "UN",
    "QO",
    "ZZ",
    "XA",
    "XB",
    "AC",
    "CP",
    "DG",
    "EA",
    "IC",
    "TA",
  ]);
  // Codes ISO 3166 withdrew that ICU still names (Yugoslavia, the USSR, …).
  const retired = new Set("AN BU CS DD DY FX HV NH NT QU RH SU TP UK VD YD YU ZR".split(" "));
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (!notCountries.has(code) && !retired.has(code) && names.of(code)) codes.push(code);
    }
  return codes;
}
