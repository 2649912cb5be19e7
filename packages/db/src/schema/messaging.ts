import { participantRoles } from "@hometrip/contracts/enums";
import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bookings } from "./bookings.ts";
import { createdAt, id, timestamps } from "./columns.ts";
import { listings } from "./listings.ts";
import { users } from "./users.ts";

export const participantRole = pgEnum("participant_role", participantRoles);

/** A thread between a guest and a host about a listing, and later about a booking. */
export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    listingId: uuid("listing_id").references(() => listings.id, { onDelete: "set null" }),
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "set null" }),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index("conversations_listing_id_idx").on(t.listingId),
    index("conversations_booking_id_idx").on(t.bookingId),
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
    body: text("body").notNull(),
    createdAt: createdAt(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("messages_conversation_created_at_idx").on(t.conversationId, t.createdAt),
    index("messages_sender_id_idx").on(t.senderId),
    check("messages_body_not_empty", sql`length(${t.body}) > 0`),
  ],
);

export type Conversation = typeof conversations.$inferSelect;
export type NewConversation = typeof conversations.$inferInsert;
export type ConversationParticipant = typeof conversationParticipants.$inferSelect;
export type NewConversationParticipant = typeof conversationParticipants.$inferInsert;
export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
