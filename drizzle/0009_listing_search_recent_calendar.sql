-- Search (packages/search): `occupied` and `overridden` kept every range a listing ever had, so a
-- busy listing's row grew with its history (a multirange past ~2 kB is TOASTed and detoasted on
-- every viewport scan). Search refuses a stay that starts before yesterday in UTC (the earliest
-- check-in still today somewhere), so nights before that never matter to it. Recomputing a row
-- now keeps only ranges that reach the day before yesterday (UTC) or later; `bun run
-- search:reindex` trims every row. The occupancy and override triggers are unchanged: a change
-- in the past still adds or subtracts its range exactly, and the next reindex drops it.
CREATE OR REPLACE FUNCTION "listing_search_upsert"(ids uuid[], with_calendar boolean) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "listing_search" AS s (
    "id", "published", "lat", "lng", "property_type", "amenities", "nightly_price", "weekend_price",
    "cleaning_fee", "weekly_discount_percent", "monthly_discount_percent", "currency", "min_nights",
    "max_nights", "capacity", "bedrooms", "instant_book", "search_document", "occupied", "overridden")
  SELECT l."id", l."status" = 'published', l."lat", l."lng", l."property_type", l."amenities",
    l."nightly_price", l."weekend_price", l."cleaning_fee", l."weekly_discount_percent",
    l."monthly_discount_percent", l."currency", l."min_nights", l."max_nights", l."capacity",
    l."bedrooms", l."instant_book", l."search_document",
    coalesce((SELECT range_agg(daterange(o."check_in", o."check_out")) FROM "listing_occupancy" o
      WHERE o."listing_id" = l."id" AND o."check_out" > (now() AT TIME ZONE 'UTC')::date - 2), '{}'),
    coalesce((SELECT range_agg(daterange(p."date", p."date" + 1)) FROM "price_overrides" p
      WHERE p."listing_id" = l."id" AND p."date" >= (now() AT TIME ZONE 'UTC')::date - 2), '{}')
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
