import { accountStatuses, userRoles } from "@hometrip/contracts/enums";
import { sql } from "drizzle-orm";
import { boolean, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns.ts";

export const userRole = pgEnum("user_role", userRoles);
export const accountStatus = pgEnum("account_status", accountStatuses);

/** Everyone who signs in. Hosting is a host profile on top of an ordinary account. */
export const users = pgTable(
  "users",
  {
    id: id(),
    /** Stored lower-cased; the unique index is on lower(email) so casing can never duplicate an account. */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    avatarUrl: text("avatar_url"),
    /** Object key of the uploaded avatar in the AVATARS R2 bucket, served back through the API. */
    avatarKey: text("avatar_key"),
    bio: text("bio").notNull().default(""),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    phone: text("phone"),
    locale: text("locale").notNull().default("en"),
    role: userRole("role").notNull().default("member"),
    status: accountStatus("status").notNull().default("active"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`)],
);

export const hostProfiles = pgTable("host_profiles", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  bio: text("bio").notNull().default(""),
  languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
  superhost: boolean("superhost").notNull().default(false),
  /** Stripe Connect account id once onboarding has started. */
  payoutAccountId: text("payout_account_id").unique(),
  payoutsEnabled: boolean("payouts_enabled").notNull().default(false),
  chargesEnabled: boolean("charges_enabled").notNull().default(false),
  /** The host submitted Stripe's onboarding form (it may still be under review). */
  payoutDetailsSubmitted: boolean("payout_details_submitted").notNull().default(false),
  /** Stripe's time of the account state stored above; an older account.updated is ignored. */
  payoutStatusAt: timestamp("payout_status_at", { withTimezone: true }),
  ...timestamps(),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type HostProfile = typeof hostProfiles.$inferSelect;
export type NewHostProfile = typeof hostProfiles.$inferInsert;
