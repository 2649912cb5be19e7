/**
 * SQL the adapter's statements share with migrations 0004/0005_search_*, with `l` the listings
 * alias. The partial indexes only serve queries that repeat their predicate.
 */

/** Stored generated column (migration 0005): place words weigh A, title words B. GIN-indexed. */
export const searchDocument = "l.search_document";

/** GiST listings_published_earth_idx. */
export const earthPoint = "ll_to_earth(l.lat, l.lng)";

/** GiST listings_published_point_idx; x is longitude. */
export const mapPoint = "point(l.lng, l.lat)";

/** Every index above is partial on this predicate, so every search query carries it. */
export const published = "l.status = 'published'";

/** Words of free text, lower-cased; only letters and digits survive, so input is never tsquery syntax. */
export function queryWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/**
 * A tsquery built in SQL from `$words`: every word must match, either as a prefix (typing
 * "lisb") or as one of the three vocabulary words closest to it by trigram similarity (typos:
 * "lisbom" -> lisbon). Words shorter than four letters are not corrected: too many neighbours.
 */
export function correctedTsQuery(wordsParam: string): string {
  return `(SELECT to_tsquery('simple'::regconfig, string_agg('(' || alternatives || ')', ' & '))
  FROM (
    SELECT quote_literal(w.word) || ':*' || coalesce((
      SELECT string_agg(' | ' || quote_literal(c.lexeme), '')
      FROM (
        SELECT x.lexeme FROM search_lexemes x
        WHERE length(w.word) >= 4 AND x.lexeme % w.word AND x.lexeme ~ '^[[:alnum:]]+$'
          AND similarity(x.lexeme, w.word) >= 0.45
        ORDER BY similarity(x.lexeme, w.word) DESC, x.lexeme LIMIT 3
      ) c), '') AS alternatives
    FROM unnest(${wordsParam}) AS w(word)
  ) t)`;
}
