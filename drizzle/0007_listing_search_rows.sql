-- Search (packages/search), third pass: the Postgres adapter read wide `listings` rows for every
-- candidate in a map viewport and probed listing_occupancy and price_overrides once per candidate.
-- `listing_search` is one narrow row per listing with only what search filters, sorts and counts
-- on, plus each listing's occupied nights and overridden dates as multiranges, so availability is
-- an in-row `&&` and the price-override lookup runs only for listings with an override in the stay.
--
-- Every listing has a row (drafts too, `published` false), so occupancy and override changes always
-- find the row to update, even while the listing is unlisted. Triggers keep it in step; nothing
-- writes it directly. Not in the drizzle schema on purpose: only search SQL reads it.
CREATE TABLE "listing_search" (
  "id" uuid PRIMARY KEY REFERENCES "listings"("id") ON DELETE CASCADE,
  "published" boolean NOT NULL,
  "lat" double precision NOT NULL,
  "lng" double precision NOT NULL,
  "property_type" "property_type" NOT NULL,
  "amenities" text[] NOT NULL,
  "nightly_price" integer NOT NULL,
  "weekend_price" integer,
  "cleaning_fee" integer NOT NULL,
  "weekly_discount_percent" smallint NOT NULL,
  "monthly_discount_percent" smallint NOT NULL,
  "currency" char(3) NOT NULL,
  "min_nights" integer NOT NULL,
  "max_nights" integer NOT NULL,
  "capacity" integer NOT NULL,
  "bedrooms" integer NOT NULL,
  "instant_book" boolean NOT NULL,
  "search_document" tsvector NOT NULL,
  -- Union of the listing's listing_occupancy ranges (bookings and blocks, half-open [check_in,
  -- check_out)); they never overlap (exclusion constraint), so adding and removing one is exact.
  "occupied" datemultirange NOT NULL DEFAULT '{}',
  -- The dates with a price_overrides row, each as [date, date + 1).
  "overridden" datemultirange NOT NULL DEFAULT '{}'
);
--> statement-breakpoint
CREATE INDEX "listing_search_point_idx" ON "listing_search" USING gist (point("lng", "lat")) WHERE "published";
--> statement-breakpoint
CREATE INDEX "listing_search_earth_idx" ON "listing_search" USING gist (ll_to_earth("lat", "lng")) WHERE "published";
--> statement-breakpoint
CREATE INDEX "listing_search_document_idx" ON "listing_search" USING gin ("search_document") WHERE "published";
--> statement-breakpoint
CREATE INDEX "listing_search_amenities_idx" ON "listing_search" USING gin ("amenities") WHERE "published";
--> statement-breakpoint
-- Writes the rows of `ids` from their listings. `with_calendar` also recomputes occupied/overridden
-- from the tables (a new row always gets them); without it an existing row keeps its own, which the
-- occupancy and override triggers below maintain.
CREATE FUNCTION "listing_search_upsert"(ids uuid[], with_calendar boolean) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "listing_search" AS s (
    "id", "published", "lat", "lng", "property_type", "amenities", "nightly_price", "weekend_price",
    "cleaning_fee", "weekly_discount_percent", "monthly_discount_percent", "currency", "min_nights",
    "max_nights", "capacity", "bedrooms", "instant_book", "search_document", "occupied", "overridden")
  SELECT l."id", l."status" = 'published', l."lat", l."lng", l."property_type", l."amenities",
    l."nightly_price", l."weekend_price", l."cleaning_fee", l."weekly_discount_percent",
    l."monthly_discount_percent", l."currency", l."min_nights", l."max_nights", l."capacity",
    l."bedrooms", l."instant_book", l."search_document",
    coalesce((SELECT range_agg(daterange(o."check_in", o."check_out")) FROM "listing_occupancy" o
      WHERE o."listing_id" = l."id"), '{}'),
    coalesce((SELECT range_agg(daterange(p."date", p."date" + 1)) FROM "price_overrides" p
      WHERE p."listing_id" = l."id"), '{}')
  FROM "listings" l
  WHERE l."id" = ANY(ids)
  ON CONFLICT ("id") DO UPDATE SET
    "published" = EXCLUDED."published", "lat" = EXCLUDED."lat", "lng" = EXCLUDED."lng",
    "property_type" = EXCLUDED."property_type", "amenities" = EXCLUDED."amenities",
    "nightly_price" = EXCLUDED."nightly_price", "weekend_price" = EXCLUDED."weekend_price",
    "cleaning_fee" = EXCLUDED."cleaning_fee", "weekly_discount_percent" = EXCLUDED."weekly_discount_percent",
    "monthly_discount_percent" = EXCLUDED."monthly_discount_percent", "currency" = EXCLUDED."currency",
    "min_nights" = EXCLUDED."min_nights", "max_nights" = EXCLUDED."max_nights",
    "capacity" = EXCLUDED."capacity", "bedrooms" = EXCLUDED."bedrooms",
    "instant_book" = EXCLUDED."instant_book", "search_document" = EXCLUDED."search_document",
    "occupied" = CASE WHEN with_calendar THEN EXCLUDED."occupied" ELSE s."occupied" END,
    "overridden" = CASE WHEN with_calendar THEN EXCLUDED."overridden" ELSE s."overridden" END;
$$;
--> statement-breakpoint
CREATE FUNCTION "listing_search_sync_listing"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "listing_search_upsert"(ARRAY[NEW."id"], false);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "listings_listing_search_sync" AFTER INSERT OR UPDATE ON "listings"
  FOR EACH ROW EXECUTE FUNCTION "listing_search_sync_listing"();
--> statement-breakpoint
-- Occupancy and overrides change the row in place (`occupied + r`, `occupied - r`) rather than
-- recomputing it from a snapshot: two transactions adding bookings to one listing at once then both
-- land, because the second UPDATE re-reads the row the first committed.
CREATE FUNCTION "listing_search_occupancy_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "listing_search" s SET "occupied" = s."occupied" - datemultirange(daterange(OLD."check_in", OLD."check_out"))
    WHERE s."id" = OLD."listing_id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "listing_search" s SET "occupied" = s."occupied" + datemultirange(daterange(NEW."check_in", NEW."check_out"))
    WHERE s."id" = NEW."listing_id";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "listing_occupancy_listing_search" AFTER INSERT OR UPDATE OR DELETE ON "listing_occupancy"
  FOR EACH ROW EXECUTE FUNCTION "listing_search_occupancy_changed"();
--> statement-breakpoint
CREATE FUNCTION "listing_search_overrides_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."listing_id" = NEW."listing_id" AND OLD."date" = NEW."date" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "listing_search" s SET "overridden" = s."overridden" - datemultirange(daterange(OLD."date", OLD."date" + 1))
    WHERE s."id" = OLD."listing_id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "listing_search" s SET "overridden" = s."overridden" + datemultirange(daterange(NEW."date", NEW."date" + 1))
    WHERE s."id" = NEW."listing_id";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "price_overrides_listing_search" AFTER INSERT OR UPDATE OR DELETE ON "price_overrides"
  FOR EACH ROW EXECUTE FUNCTION "listing_search_overrides_changed"();
--> statement-breakpoint
-- Recomputes every row from the tables (migration backfill; `bun run search:reindex` repairs with it).
CREATE FUNCTION "listing_search_rebuild"() RETURNS void LANGUAGE sql AS $$
  SELECT "listing_search_upsert"(ARRAY(SELECT "id" FROM "listings"), true);
$$;
--> statement-breakpoint
SELECT "listing_search_rebuild"();
--> statement-breakpoint
-- Search no longer reads these from `listings`; their twins on `listing_search` serve it.
DROP INDEX IF EXISTS "listings_published_point_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "listings_published_earth_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "listings_search_document_idx";
