import { emailTokenPurposes } from "@hometrip/contracts/enums";
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.ts";
import { users } from "./users.ts";

export const emailTokenPurpose = pgEnum("email_token_purpose", emailTokenPurposes);

/**
 * Single-use links sent by mail (verify an address, reset a password). Only a hash is stored,
 * so reading the table does not let anyone follow a link.
 */
export const emailTokens = pgTable(
  "email_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: emailTokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The address the link was sent to; a later email change makes old links useless. */
    email: text("email").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("email_tokens_user_id_purpose_idx").on(t.userId, t.purpose)],
);

/**
 * A TOTP authenticator. The secret is stored encrypted (AES-GCM, key from config), never in
 * clear; `confirmedAt` is null while enrolment waits for the first valid code.
 */
export const totpFactors = pgTable("totp_factors", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretCiphertext: text("secret_ciphertext").notNull(),
  /** Last accepted time step, so one code cannot be replayed within its window. */
  lastUsedStep: integer("last_used_step"),
  createdAt: createdAt(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
});

/** Recovery codes for a lost authenticator: hashed, each usable once. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdAt: createdAt(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("recovery_codes_user_id_idx").on(t.userId)],
);

/**
 * Partner API keys. The full key is shown once at creation; the table keeps a lookup prefix
 * (also shown in lists) and a hash of the whole key.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull().unique(),
    keyHash: text("key_hash").notNull(),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_keys_user_id_idx").on(t.userId)],
);

/** The local mailbox: what the dev EmailSender "sends" lands here for the dev mailbox page. */
export const devEmails = pgTable(
  "dev_emails",
  {
    id: id(),
    to: text("to").notNull(),
    from: text("from").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    /** Extra headers as sent (List-Unsubscribe and the like), for the dev mailbox to show. */
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    /** The event that caused the mail, so a redelivered event is visibly one mail. */
    eventId: uuid("event_id").unique(),
    createdAt: createdAt(),
  },
  (t) => [index("dev_emails_to_created_at_idx").on(t.to, t.createdAt)],
);

export type EmailToken = typeof emailTokens.$inferSelect;
export type TotpFactor = typeof totpFactors.$inferSelect;
export type RecoveryCode = typeof recoveryCodes.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type DevEmail = typeof devEmails.$inferSelect;
