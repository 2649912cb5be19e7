-- Messaging (issue 10): a per-conversation seq so clients catch up with "after seq N" in order and
-- without duplicates, a client id so a retried send is idempotent, a masked flag and attachments,
-- and read positions by seq so unread counts agree on every device. Rows written before (the demo
-- seed) are backfilled: seq in creation order, client id = message id, the guest from participants.
DROP INDEX "conversations_booking_id_idx";--> statement-breakpoint
DROP INDEX "messages_conversation_created_at_idx";--> statement-breakpoint
DROP INDEX "messages_sender_id_idx";--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD COLUMN "last_read_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "guest_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "last_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "seq" integer;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "client_id" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "masked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
UPDATE "messages" m SET "seq" = n."seq", "client_id" = m."id"::text
FROM (SELECT "id", row_number() OVER (PARTITION BY "conversation_id" ORDER BY "created_at", "id") AS "seq" FROM "messages") n
WHERE n."id" = m."id";--> statement-breakpoint
UPDATE "conversations" c SET "guest_id" = p."user_id"
FROM "conversation_participants" p WHERE p."conversation_id" = c."id" AND p."role" = 'guest';--> statement-breakpoint
DELETE FROM "conversations" WHERE "guest_id" IS NULL;--> statement-breakpoint
UPDATE "conversations" c SET "last_seq" = s."last_seq"
FROM (SELECT "conversation_id", max("seq") AS "last_seq" FROM "messages" GROUP BY "conversation_id") s
WHERE s."conversation_id" = c."id";--> statement-breakpoint
UPDATE "conversation_participants" p SET "last_read_seq" = coalesce(
  (SELECT max(m."seq") FROM "messages" m WHERE m."conversation_id" = p."conversation_id" AND m."created_at" <= p."last_read_at"), 0);--> statement-breakpoint
ALTER TABLE "conversations" ALTER COLUMN "guest_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "client_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_guest_id_users_id_fk" FOREIGN KEY ("guest_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_booking_id_key" ON "conversations" USING btree ("booking_id") WHERE "conversations"."booking_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_inquiry_key" ON "conversations" USING btree ("listing_id","guest_id") WHERE "conversations"."booking_id" is null;--> statement-breakpoint
CREATE INDEX "conversations_guest_id_idx" ON "conversations" USING btree ("guest_id");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_conversation_seq_key" ON "messages" USING btree ("conversation_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_sender_client_id_key" ON "messages" USING btree ("sender_id","client_id");--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_seq_positive" CHECK ("messages"."seq" > 0);
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_body_not_empty";--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_body_or_attachment" CHECK (length("messages"."body") > 0 or "messages"."attachments" <> '[]'::jsonb);
