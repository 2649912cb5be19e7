CREATE TABLE "ical_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"url" text NOT NULL,
	"schedule_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_synced_at" timestamp with time zone,
	"last_error" text,
	"last_event_count" integer,
	CONSTRAINT "ical_imports_listing_url_key" UNIQUE("listing_id","url")
);
--> statement-breakpoint
ALTER TABLE "listing_photos" ADD COLUMN "object_key" text;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "weekend_price" integer;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "weekly_discount_percent" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "monthly_discount_percent" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ical_imports" ADD CONSTRAINT "ical_imports_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_weekend_price_non_negative" CHECK ("listings"."weekend_price" >= 0);--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_discounts_range" CHECK ("listings"."weekly_discount_percent" between 0 and 90 and "listings"."monthly_discount_percent" between 0 and 90);--> statement-breakpoint
-- Uploaded photos were served at /listing-photos/<object key>; photos hosted elsewhere (the demo
-- seed's absolute URLs) have no object in the bucket and keep a NULL key.
UPDATE "listing_photos" SET "object_key" = substr("url", length('/listing-photos/') + 1)
  WHERE "url" LIKE '/listing-photos/%';
