/**
 * SQL expressions that must match the expression indexes of migration 0004_search_indexes
 * character for character in meaning (the planner compares parsed trees), with `l` the listings alias.
 */
export const searchDocument = `(setweight(to_tsvector('simple'::regconfig, l.city || ' ' || coalesce(l.region, '') || ' ' || l.country), 'A') || setweight(to_tsvector('simple'::regconfig, l.title), 'B'))`;

/** GiST listings_published_earth_idx. */
export const earthPoint = "ll_to_earth(l.lat, l.lng)";

/** GiST listings_published_point_idx; x is longitude. */
export const mapPoint = "point(l.lng, l.lat)";

/** Every index above is partial on this predicate, so every search query carries it. */
export const published = "l.status = 'published'";

/**
 * Words of free text as a prefix tsquery ("lisb alf" -> "lisb:* & alf:*"). Only letters and
 * digits survive, so user input can never be tsquery syntax.
 */
export function prefixTsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? null : words.map((w) => `${w}:*`).join(" & ");
}
