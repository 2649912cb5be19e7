import { participantRoles } from "@hometrip/contracts/enums";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bookings } from "./bookings.ts";
import { createdAt, id, timestamps } from "./columns.ts";
import { listings } from "./listings.ts";
import { users } from "./users.ts";

export const participantRole = pgEnum("participant_role", participantRoles);

/** An image attached to a message: an object in the MESSAGE_ATTACHMENTS bucket. */
export type MessageAttachment = {
  key: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
};

/**
 * A thread between a guest and a host about a listing (an inquiry: no booking yet, at most one per
 * listing and guest), and later about a booking (the inquiry is attached to it and keeps its history).
 */
export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    listingId: uuid("listing_id").references(() => listings.id, { onDelete: "set null" }),
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "set null" }),
    guestId: uuid("guest_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The seq of the newest message: the counter a send increments under the row's lock. */
    lastSeq: integer("last_seq").notNull().default(0),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index("conversations_listing_id_idx").on(t.listingId),
    uniqueIndex("conversations_booking_id_key").on(t.bookingId).where(sql`${t.bookingId} is not null`),
    uniqueIndex("conversations_inquiry_key").on(t.listingId, t.guestId).where(sql`${t.bookingId} is null`),
    index("conversations_guest_id_idx").on(t.guestId),
  ],
);

export const conversationParticipants = pgTable(
  "conversation_participants",
  {
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: participantRole("role").notNull(),
    /** Messages created after this are unread for the participant. */
    lastReadAt: timestamp("last_read_at", { withTimezone: true }),
    /** Messages with a higher seq are unread for the participant (on every device). */
    lastReadSeq: integer("last_read_seq").notNull().default(0),
    joinedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index("conversation_participants_user_id_idx").on(t.userId),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: id(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    senderId: uuid("sender_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** 1, 2, 3… within the conversation: clients catch up with "after seq N". */
    seq: integer("seq").notNull(),
    /** Chosen by the sending client; a retried send with the same id returns the first message. */
    clientId: text("client_id").notNull(),
    body: text("body").notNull(),
    /** Contact details were hidden in `body` (before the booking was confirmed). */
    masked: boolean("masked").notNull().default(false),
    attachments: jsonb("attachments").$type<MessageAttachment[]>().notNull().default([]),
    createdAt: createdAt(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("messages_conversation_seq_key").on(t.conversationId, t.seq),
    uniqueIndex("messages_sender_client_id_key").on(t.senderId, t.clientId),
    check("messages_body_or_attachment", sql`length(${t.body}) > 0 or ${t.attachments} <> '[]'::jsonb`),
    check("messages_seq_positive", sql`${t.seq} > 0`),
  ],
);

export type Conversation = typeof conversations.$inferSelect;
export type NewConversation = typeof conversations.$inferInsert;
export type ConversationParticipant = typeof conversationParticipants.$inferSelect;
export type NewConversationParticipant = typeof conversationParticipants.$inferInsert;
export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
