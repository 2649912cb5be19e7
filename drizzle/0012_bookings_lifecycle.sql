-- Bookings get their full life (packages/core/src/bookings/state-machine.ts). The old statuses
-- map onto the new ones without losing a row: pending → pending_payment (a hold the guest has
-- 15 minutes from now to pay, as every new hold), cancelled → cancelled_by_host when the
-- listing's host cancelled it, else cancelled_by_guest; the rest keep their names. The column
-- goes through text so each value is mapped explicitly (ALTER TYPE fires no triggers).
ALTER TABLE "bookings" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
-- Held, requested and confirmed bookings occupy their dates; a completed stay is over, so it
-- no longer holds a range (its nights are in the past and cannot be booked anyway).
CREATE OR REPLACE FUNCTION "listing_occupancy_bookings_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "listing_occupancy" ("listing_id", "check_in", "check_out", "booking_id")
  SELECT n."listing_id", n."check_in", n."check_out", n."id" FROM new_rows n
  WHERE n."status" IN ('pending_payment', 'requested', 'confirmed');
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "listing_occupancy_bookings_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "listing_occupancy" o
  USING new_rows n JOIN old_rows ol ON ol."id" = n."id"
  WHERE o."booking_id" = n."id"
    AND (n."listing_id", n."check_in", n."check_out", n."status")
      IS DISTINCT FROM (ol."listing_id", ol."check_in", ol."check_out", ol."status");
  INSERT INTO "listing_occupancy" ("listing_id", "check_in", "check_out", "booking_id")
  SELECT n."listing_id", n."check_in", n."check_out", n."id"
  FROM new_rows n JOIN old_rows ol ON ol."id" = n."id"
  WHERE n."status" IN ('pending_payment', 'requested', 'confirmed')
    AND (n."listing_id", n."check_in", n."check_out", n."status")
      IS DISTINCT FROM (ol."listing_id", ol."check_in", ol."check_out", ol."status")
  ON CONFLICT ("booking_id") DO UPDATE
    SET "listing_id" = EXCLUDED."listing_id", "check_in" = EXCLUDED."check_in", "check_out" = EXCLUDED."check_out";
  RETURN NULL;
END $$;--> statement-breakpoint
UPDATE "bookings" b SET "status" = CASE
    WHEN b."status" = 'pending' THEN 'pending_payment'
    WHEN b."cancelled_by" = l."host_id" THEN 'cancelled_by_host'
    ELSE 'cancelled_by_guest'
  END
FROM "listings" l
WHERE l."id" = b."listing_id" AND b."status" IN ('pending', 'cancelled');--> statement-breakpoint
DROP TYPE "public"."booking_status";--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('pending_payment', 'requested', 'confirmed', 'declined', 'expired', 'withdrawn', 'payment_failed', 'cancelled_by_guest', 'cancelled_by_host', 'completed');--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "host_fee" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "price_lines" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "cancellation_policy" "cancellation_policy" DEFAULT 'moderate' NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "instant_book" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "respond_by" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "refund_amount" integer;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "status_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "status" SET DATA TYPE "public"."booking_status" USING "status"::"public"."booking_status";--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "status" SET DEFAULT 'pending_payment'::"public"."booking_status";--> statement-breakpoint
UPDATE "bookings" b SET
  "cancellation_policy" = l."cancellation_policy",
  "instant_book" = l."instant_book",
  "expires_at" = CASE WHEN b."status" = 'pending_payment' THEN now() + interval '15 minutes' END
FROM "listings" l WHERE l."id" = b."listing_id";--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "lead_time_days" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "bookings_status_expires_at_idx" ON "bookings" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "bookings_status_respond_by_idx" ON "bookings" USING btree ("status","respond_by");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_host_fee_non_negative" CHECK ("bookings"."host_fee" >= 0);--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_refund_within_total" CHECK ("bookings"."refund_amount" between 0 and "bookings"."total");--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_lead_time_range" CHECK ("listings"."lead_time_days" between 0 and 365);--> statement-breakpoint
DELETE FROM "listing_occupancy" o USING "bookings" b
WHERE o."booking_id" = b."id" AND b."status" NOT IN ('pending_payment', 'requested', 'confirmed');
