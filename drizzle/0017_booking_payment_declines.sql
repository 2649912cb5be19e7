ALTER TABLE "bookings" ADD COLUMN "payment_declines" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "last_payment_error" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_payment_declines_non_negative" CHECK ("bookings"."payment_declines" >= 0);