import { credentialKinds } from "@hometrip/contracts/enums";
import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, timestamps } from "./columns.ts";
import { users } from "./users.ts";

export const credentialKind = pgEnum("credential_kind", credentialKinds);

/** How a user proves who they are: at most one password, any number of OAuth identities. */
export const credentials = pgTable(
  "credentials",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: credentialKind("kind").notNull(),
    passwordHash: text("password_hash"),
    provider: text("provider"),
    providerAccountId: text("provider_account_id"),
    ...timestamps(),
  },
  (t) => [
    index("credentials_user_id_idx").on(t.userId),
    uniqueIndex("credentials_one_password_per_user").on(t.userId).where(sql`${t.kind} = 'password'`),
    uniqueIndex("credentials_provider_account_key").on(t.provider, t.providerAccountId),
    check(
      "credentials_shape",
      sql`(${t.kind} = 'password' and ${t.passwordHash} is not null)
        or (${t.kind} = 'oauth' and ${t.provider} is not null and ${t.providerAccountId} is not null)`,
    ),
  ],
);

/**
 * A login session. Refresh tokens rotate within a family; presenting an already-used token
 * means it was stolen, and the whole family is revoked.
 */
export const sessionFamilies = pgTable(
  "session_families",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text("user_agent"),
    ip: text("ip"),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("session_families_user_id_idx").on(t.userId)],
);

/** Only a hash of each refresh token is stored, so a database leak yields no usable token. */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => sessionFamilies.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Set when rotated; a second use of the same token is the theft signal. */
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("refresh_tokens_family_id_idx").on(t.familyId)],
);

export type Credential = typeof credentials.$inferSelect;
export type NewCredential = typeof credentials.$inferInsert;
export type SessionFamily = typeof sessionFamilies.$inferSelect;
export type NewSessionFamily = typeof sessionFamilies.$inferInsert;
export type RefreshToken = typeof refreshTokens.$inferSelect;
export type NewRefreshToken = typeof refreshTokens.$inferInsert;
