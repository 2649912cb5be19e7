-- Search (packages/search), second pass after measuring 50,000 listings: filtering a map viewport
-- recomputed to_tsvector and trigram similarity for every candidate row, and probed availability
-- through the exclusion constraint's GiST index. Now: a stored document, typo correction against a
-- small vocabulary instead of against each listing, and a btree for the availability probe.
--
-- The document is a generated column, so every writer keeps it right without knowing it exists.
-- It is not in the drizzle schema on purpose: only search SQL reads it.
ALTER TABLE "listings" ADD COLUMN "search_document" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, "city" || ' ' || coalesce("region", '') || ' ' || "country"), 'A')
  || setweight(to_tsvector('simple'::regconfig, "title"), 'B')
) STORED;
--> statement-breakpoint
DROP INDEX IF EXISTS "listings_search_document_idx";
--> statement-breakpoint
CREATE INDEX "listings_search_document_idx" ON "listings" USING gin ("search_document")
  WHERE "status" = 'published';
--> statement-breakpoint
-- Every word any listing's document has held. A misspelt query word is matched by trigram
-- similarity against this vocabulary (thousands of rows, not one per listing) and replaced by its
-- closest words in the tsquery. Words are only added; `search:reindex` prunes the stale ones.
CREATE TABLE "search_lexemes" ("lexeme" text PRIMARY KEY);
--> statement-breakpoint
CREATE INDEX "search_lexemes_lexeme_trgm_idx" ON "search_lexemes" USING gin ("lexeme" gin_trgm_ops);
--> statement-breakpoint
CREATE FUNCTION "search_lexemes_collect"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "search_lexemes" ("lexeme")
  SELECT DISTINCT unnest(tsvector_to_array(n."search_document")) FROM new_rows n
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "listings_search_lexemes_insert" AFTER INSERT ON "listings"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION "search_lexemes_collect"();
--> statement-breakpoint
CREATE TRIGGER "listings_search_lexemes_update" AFTER UPDATE ON "listings"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION "search_lexemes_collect"();
--> statement-breakpoint
INSERT INTO "search_lexemes" ("lexeme")
SELECT DISTINCT unnest(tsvector_to_array("search_document")) FROM "listings"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Availability: one btree probe per candidate (check_in < stay end AND check_out > stay start),
-- answered from the index alone.
CREATE INDEX "listing_occupancy_listing_check_in_idx" ON "listing_occupancy" ("listing_id", "check_in")
  INCLUDE ("check_out");
