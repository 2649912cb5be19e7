import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
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

export type CalendarBlock = typeof calendarBlocks.$inferSelect;
export type NewCalendarBlock = typeof calendarBlocks.$inferInsert;
export type PriceOverride = typeof priceOverrides.$inferSelect;
export type NewPriceOverride = typeof priceOverrides.$inferInsert;
