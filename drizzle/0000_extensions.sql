-- Extensions first: later migrations build gin_trgm_ops indexes and a gist exclusion constraint
-- mixing uuid equality with daterange overlap (btree_gist). Both ship with PGlite too.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
