import type { SqlExecutor } from "../port.ts";

/**
 * Recomputes listing_ratings from reviews for every listing. The triggers keep it current; this is
 * the repair path `search:reindex` runs (e.g. after a bulk load with triggers disabled).
 * Returns how many listings have a ratings row.
 */
export async function refreshListingRatings(sql: SqlExecutor): Promise<number> {
  await sql.query("SELECT listing_ratings_refresh(ARRAY(SELECT id FROM listings))");
  const { rows } = await sql.query("SELECT count(*)::int AS n FROM listing_ratings");
  return (rows[0] as { n: number }).n;
}
