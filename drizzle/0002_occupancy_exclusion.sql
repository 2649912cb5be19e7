-- Overlapping stays are impossible by construction. An EXCLUDE constraint cannot span two
-- tables, so listing_occupancy holds one row per occupying booking (pending, confirmed,
-- completed) and per calendar block, kept in step by the statement-level triggers below, and
-- one gist exclusion constraint over it rejects any overlap with SQLSTATE 23P01. Ranges are
-- half-open [check_in, check_out), so a stay may start on the day the previous one ends.
-- The gist index also serves listing_occupancy.listing_id lookups (it leads with listing_id).
ALTER TABLE "listing_occupancy" ADD CONSTRAINT "listing_occupancy_no_overlap"
  EXCLUDE USING gist ("listing_id" WITH =, daterange("check_in", "check_out", '[)') WITH &&);
--> statement-breakpoint
CREATE FUNCTION "listing_occupancy_bookings_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "listing_occupancy" ("listing_id", "check_in", "check_out", "booking_id")
  SELECT n."listing_id", n."check_in", n."check_out", n."id" FROM new_rows n
  WHERE n."status" IN ('pending', 'confirmed', 'completed');
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Only rows whose listing, dates or status changed are touched, so e.g. a message-only
-- update of a booking never rechecks its dates.
CREATE FUNCTION "listing_occupancy_bookings_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "listing_occupancy" o
  USING new_rows n JOIN old_rows ol ON ol."id" = n."id"
  WHERE o."booking_id" = n."id"
    AND (n."listing_id", n."check_in", n."check_out", n."status")
      IS DISTINCT FROM (ol."listing_id", ol."check_in", ol."check_out", ol."status");
  INSERT INTO "listing_occupancy" ("listing_id", "check_in", "check_out", "booking_id")
  SELECT n."listing_id", n."check_in", n."check_out", n."id"
  FROM new_rows n JOIN old_rows ol ON ol."id" = n."id"
  WHERE n."status" IN ('pending', 'confirmed', 'completed')
    AND (n."listing_id", n."check_in", n."check_out", n."status")
      IS DISTINCT FROM (ol."listing_id", ol."check_in", ol."check_out", ol."status")
  ON CONFLICT ("booking_id") DO UPDATE
    SET "listing_id" = EXCLUDED."listing_id", "check_in" = EXCLUDED."check_in", "check_out" = EXCLUDED."check_out";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "bookings_occupancy_insert" AFTER INSERT ON "bookings"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION "listing_occupancy_bookings_inserted"();
--> statement-breakpoint
CREATE TRIGGER "bookings_occupancy_update" AFTER UPDATE ON "bookings"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION "listing_occupancy_bookings_updated"();
--> statement-breakpoint
CREATE FUNCTION "listing_occupancy_blocks_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "listing_occupancy" ("listing_id", "check_in", "check_out", "calendar_block_id")
  SELECT n."listing_id", n."check_in", n."check_out", n."id" FROM new_rows n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "listing_occupancy_blocks_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "listing_occupancy" o
  SET "listing_id" = n."listing_id", "check_in" = n."check_in", "check_out" = n."check_out"
  FROM new_rows n JOIN old_rows ol ON ol."id" = n."id"
  WHERE o."calendar_block_id" = n."id"
    AND (n."listing_id", n."check_in", n."check_out")
      IS DISTINCT FROM (ol."listing_id", ol."check_in", ol."check_out");
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "calendar_blocks_occupancy_insert" AFTER INSERT ON "calendar_blocks"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION "listing_occupancy_blocks_inserted"();
--> statement-breakpoint
CREATE TRIGGER "calendar_blocks_occupancy_update" AFTER UPDATE ON "calendar_blocks"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION "listing_occupancy_blocks_updated"();
