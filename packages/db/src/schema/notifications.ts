import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, timestamps } from "./columns.ts";
import { conversations } from "./messaging.ts";
import { users } from "./users.ts";

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Dotted event-like name, e.g. `booking.confirmed`. */
    type: text("type").notNull(),
    /** One of the preference categories (`messages`, `booking_updates`, ...). */
    category: text("category").notNull().default("tips"),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_created_at_idx").on(t.userId, t.createdAt.desc()),
    index("notifications_user_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** Per-member settings beside the switches: where quiet hours are counted and the SMS number. */
export const notificationSettings = pgTable(
  "notification_settings",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    timeZone: text("time_zone").notNull().default("UTC"),
    /** Local `HH:MM`; both set or both null. */
    quietStart: text("quiet_start"),
    quietEnd: text("quiet_end"),
    /** E.164. */
    phone: text("phone"),
    phoneVerified: boolean("phone_verified").notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    check("notification_settings_quiet_pair", sql`(${t.quietStart} is null) = (${t.quietEnd} is null)`),
  ],
);

/**
 * The one code waiting to prove a member receives texts at their phone: only its SHA-256 (bound to
 * the member and the number), a short life and a count of wrong guesses. A new code replaces it;
 * a right one, a changed number or too many wrong guesses delete it.
 */
export const phoneVerificationCodes = pgTable(
  "phone_verification_codes",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The number the code was texted to; a code never verifies a different one. */
    phone: text("phone").notNull(),
    codeHash: text("code_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [check("phone_verification_codes_attempts", sql`${t.failedAttempts} >= 0`)],
);

/** Only the switches a member changed; every other one is the default in core. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text("category").notNull(),
    channel: text("channel").notNull(),
    enabled: boolean("enabled").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category, t.channel] })],
);

export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: createdAt(),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("push_subscriptions_endpoint_idx").on(t.endpoint),
    index("push_subscriptions_user_id_idx").on(t.userId),
  ],
);

/**
 * Outbound sends waiting for their time: an e-mail held back while the recipient may still read
 * the message live, during quiet hours, or to gather a burst into one digest. Rows with the same
 * (user, channel, digest_key) that are due together leave as one send.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    notificationId: uuid("notification_id").references(() => notifications.id, { onDelete: "set null" }),
    category: text("category").notNull(),
    channel: text("channel").notNull(),
    /** Template name, e.g. `message`, `booking`. */
    kind: text("kind").notNull(),
    digestKey: text("digest_key"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    deliverAfter: timestamp("deliver_after", { withTimezone: true }).notNull(),
    /** pending → sent | skipped (read live, switched off) | failed (gave up after attempts). */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Why a row was skipped, or the provider's id of the send. */
    outcome: text("outcome"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("notification_deliveries_due_idx").on(t.deliverAfter).where(sql`${t.status} = 'pending'`),
    index("notification_deliveries_batch_idx").on(t.userId, t.channel, t.digestKey, t.status),
    index("notification_deliveries_notification_id_idx").on(t.notificationId),
    check("notification_deliveries_status", sql`${t.status} in ('pending', 'sent', 'skipped', 'failed')`),
  ],
);

/**
 * The highest message each member has read per conversation, as conversation.read events said.
 * Kept here so a delayed e-mail can tell, when it fires, whether the message was seen live.
 */
export const notificationReadCursors = pgTable(
  "notification_read_cursors",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    lastReadSeq: integer("last_read_seq").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.conversationId] }),
    index("notification_read_cursors_conversation_id_idx").on(t.conversationId),
  ],
);

export type Notification = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type NotificationDelivery = typeof notificationDeliveries.$inferSelect;
export type PhoneVerificationCode = typeof phoneVerificationCodes.$inferSelect;
export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
