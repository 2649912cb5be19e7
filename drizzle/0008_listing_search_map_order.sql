-- Search (packages/search), fourth pass: a map viewport reads a few thousand `listing_search` rows,
-- and what they cost is how many heap pages hold them. Rows were stored in insertion order and
-- every booking, block and override rewrote its row somewhere else (no room left on its page), so
-- a city-sized box touched about one page per row. Now the table is kept in map order:
--
-- * the point index covers every row (partial indexes cannot order a CLUSTER), and the table is
--   clustered on it, so neighbours on the map share pages;
-- * each page keeps 20% free, so the in-place updates of `occupied`/`overridden` (columns no index
--   reads) stay on the row's page as HOT updates instead of moving the row away;
-- * `bun run search:reindex` re-clusters after rebuilding (CLUSTER listing_search), for the rows
--   that moved when a listing itself was edited.
DROP INDEX IF EXISTS "listing_search_point_idx";
--> statement-breakpoint
CREATE INDEX "listing_search_point_idx" ON "listing_search" USING gist (point("lng", "lat"));
--> statement-breakpoint
ALTER TABLE "listing_search" SET (fillfactor = 80);
--> statement-breakpoint
ALTER TABLE "listing_search" CLUSTER ON "listing_search_point_idx";
--> statement-breakpoint
CLUSTER "listing_search";
