import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, timestamps } from "./columns.ts";
import { listings } from "./listings.ts";
import { users } from "./users.ts";

/** Dates a host closes by hand; like bookings, the range is [check_in, check_out). */
export const calendarBlocks = pgTable(
  "calendar_blocks",
  {
    id: id(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    checkIn: date("check_in", { mode: "string" }).notNull(),
    checkOut: date("check_out", { mode: "string" }).notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    index("calendar_blocks_listing_check_in_idx").on(t.listingId, t.checkIn),
    index("calendar_blocks_created_by_idx").on(t.createdBy),
    check("calendar_blocks_dates_ordered", sql`${t.checkOut} > ${t.checkIn}`),
  ],
);

/** A nightly price for one date that replaces the listing's base price. */
export const priceOverrides = pgTable(
  "price_overrides",
  {
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    nightlyPrice: integer("nightly_price").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.listingId, t.date] }),
    check("price_overrides_price_non_negative", sql`${t.nightlyPrice} >= 0`),
  ],
);

/**
 * External calendars (iCal feed URLs) a host syncs into blocks on a schedule. `scheduleId` is the
 * QStash schedule that triggers the sync; the last_* columns describe the latest attempt.
 */
export const icalImports = pgTable(
  "ical_imports",
  {
    id: id(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    scheduleId: text("schedule_id"),
    createdAt: createdAt(),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }),
    lastError: text("last_error"),
    lastEventCount: integer("last_event_count"),
  },
  // The unique (listing_id, url) index also serves "imports of a listing" and the foreign key.
  (t) => [unique("ical_imports_listing_url_key").on(t.listingId, t.url)],
);

export type CalendarBlock = typeof calendarBlocks.$inferSelect;
export type NewCalendarBlock = typeof calendarBlocks.$inferInsert;
export type PriceOverride = typeof priceOverrides.$inferSelect;
export type NewPriceOverride = typeof priceOverrides.$inferInsert;
export type IcalImport = typeof icalImports.$inferSelect;
export type NewIcalImport = typeof icalImports.$inferInsert;
