CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"object_id" text,
	"account" text,
	"stripe_created_at" timestamp with time zone NOT NULL,
	"event" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "payouts_booking_id_idx";--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "reversed_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "host_profiles" ADD COLUMN "charges_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "host_profiles" ADD COLUMN "payout_details_submitted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "host_profiles" ADD COLUMN "payout_status_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "stripe_events_object_id_idx" ON "stripe_events" USING btree ("object_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_booking_id_key" ON "payouts" USING btree ("booking_id");