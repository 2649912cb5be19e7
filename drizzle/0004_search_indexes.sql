-- Search (packages/search, Postgres adapter). Expression indexes: the adapter's SQL repeats these
-- expressions exactly (packages/search/src/postgres/expressions.ts), or the planner cannot use them.
-- Partial on published listings, the only ones search ever returns.
CREATE EXTENSION IF NOT EXISTS cube;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS earthdistance;
--> statement-breakpoint
-- Place words weigh more than title words; 'simple' because place names must not be stemmed.
CREATE INDEX "listings_search_document_idx" ON "listings" USING gin ((
  setweight(to_tsvector('simple'::regconfig, "city" || ' ' || coalesce("region", '') || ' ' || "country"), 'A')
  || setweight(to_tsvector('simple'::regconfig, "title"), 'B')
)) WHERE "status" = 'published';
--> statement-breakpoint
-- Radius search: earth_box(center, r) @> ll_to_earth(lat, lng), then exact earth_distance.
CREATE INDEX "listings_published_earth_idx" ON "listings" USING gist (ll_to_earth("lat", "lng"))
  WHERE "status" = 'published';
--> statement-breakpoint
-- Map bounds: point(lng, lat) <@ box(...) is two-dimensional, which the (lat, lng) btree is not.
CREATE INDEX "listings_published_point_idx" ON "listings" USING gist (point("lng", "lat"))
  WHERE "status" = 'published';
--> statement-breakpoint
-- Rating average and count per listing, so "sort by rating" needs no aggregate over every review.
-- Derived from reviews (kind of_listing) by the statement-level triggers below; rebuilt by
-- `bun run search:reindex`.
CREATE TABLE "listing_ratings" (
  "listing_id" uuid PRIMARY KEY REFERENCES "listings"("id") ON DELETE CASCADE,
  "rating_count" integer NOT NULL,
  "rating_sum" integer NOT NULL,
  "rating_avg" double precision NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION "listing_ratings_refresh"(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "listing_ratings" ("listing_id", "rating_count", "rating_sum", "rating_avg")
  SELECT l."id", count(r."id")::int, coalesce(sum(r."rating"), 0)::int, coalesce(avg(r."rating"), 0)::float8
  FROM "listings" l
  LEFT JOIN "reviews" r ON r."listing_id" = l."id" AND r."kind" = 'of_listing'
  WHERE l."id" = ANY(ids)
  GROUP BY l."id"
  ON CONFLICT ("listing_id") DO UPDATE
    SET "rating_count" = EXCLUDED."rating_count", "rating_sum" = EXCLUDED."rating_sum",
        "rating_avg" = EXCLUDED."rating_avg";
$$;
--> statement-breakpoint
CREATE FUNCTION "listing_ratings_reviews_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "listing_ratings_refresh"(ARRAY(SELECT DISTINCT n."listing_id" FROM new_rows n));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "listing_ratings_reviews_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "listing_ratings_refresh"(ARRAY(
    SELECT n."listing_id" FROM new_rows n UNION SELECT o."listing_id" FROM old_rows o));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "listing_ratings_reviews_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "listing_ratings_refresh"(ARRAY(SELECT DISTINCT o."listing_id" FROM old_rows o));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "reviews_listing_ratings_insert" AFTER INSERT ON "reviews"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION "listing_ratings_reviews_inserted"();
--> statement-breakpoint
CREATE TRIGGER "reviews_listing_ratings_update" AFTER UPDATE ON "reviews"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION "listing_ratings_reviews_updated"();
--> statement-breakpoint
CREATE TRIGGER "reviews_listing_ratings_delete" AFTER DELETE ON "reviews"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION "listing_ratings_reviews_deleted"();
--> statement-breakpoint
SELECT "listing_ratings_refresh"(ARRAY(SELECT DISTINCT "listing_id" FROM "reviews"));
