/**
 * SQL the adapter's statements share with migrations 0004/0005_search_* and 0007_listing_search_rows,
 * with `l` the alias of `listing_search` (one narrow row per listing, kept by triggers). The partial
 * indexes only serve queries that repeat their predicate.
 */

/** Copied from the listing's generated column (migration 0005): place words weigh A, title words B. GIN-indexed. */
export const searchDocument = "l.search_document";

/** GiST listing_search_earth_idx. */
export const earthPoint = "ll_to_earth(l.lat, l.lng)";

/**
 * Great-circle distance in km from (`lat`, `lng`) to the listing, by the haversine formula on
 * earthdistance's sphere (earth() = 6,378,168 m), so it agrees with `earth_box`/`earth_distance`
 * (to ~1e-12 km) while costing plain float arithmetic instead of building cubes for every row.
 */
export const distanceKm = (lat: string, lng: string) =>
  `(2 * 6378.168 * asin(sqrt(power(sin(radians(l.lat - ${lat}) / 2), 2)
      + cos(radians(${lat})) * cos(radians(l.lat)) * power(sin(radians(l.lng - ${lng}) / 2), 2))))::float8`;

/** GiST listing_search_point_idx; x is longitude. */
export const mapPoint = "point(l.lng, l.lat)";

/** Every index above is partial on this predicate, so every search query carries it. */
export const published = "l.published";

/** Words of free text, lower-cased; only letters and digits survive, so input is never tsquery syntax. */
export function queryWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/**
 * A tsquery built in SQL from `$words`: every word must match, either as a prefix (typing
 * "lisb") or as one of the three vocabulary words closest to it (typos: "lisbn" -> lisbon).
 * A typo is an edit as Typesense counts them: one for words of 4-6 letters, two from 7 (its
 * min_len_1typo / min_len_2typo); shorter words are not corrected, they have too many neighbours.
 * Trigram similarity (the GIN index, at pg_trgm's default 0.3) picks the candidates first.
 */
export function correctedTsQuery(wordsParam: string): string {
  return `(SELECT to_tsquery('simple'::regconfig, string_agg('(' || alternatives || ')', ' & '))
  FROM (
    SELECT quote_literal(w.word) || ':*' || coalesce((
      SELECT string_agg(' | ' || quote_literal(c.lexeme), '')
      FROM (
        SELECT x.lexeme FROM search_lexemes x
        WHERE length(w.word) >= 4 AND x.lexeme % w.word AND x.lexeme ~ '^[[:alnum:]]+$'
          AND levenshtein_less_equal(x.lexeme, w.word, w.typos) <= w.typos
        ORDER BY levenshtein_less_equal(x.lexeme, w.word, w.typos), similarity(x.lexeme, w.word) DESC, x.lexeme
        LIMIT 3
      ) c), '') AS alternatives
    FROM (SELECT u.word, CASE WHEN length(u.word) >= 7 THEN 2 ELSE 1 END AS typos
          FROM unnest(${wordsParam}) AS u(word)) w
  ) t)`;
}
