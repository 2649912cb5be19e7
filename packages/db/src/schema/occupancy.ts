import { sql } from "drizzle-orm";
import { check, date, pgTable, uuid } from "drizzle-orm/pg-core";
import { bookings } from "./bookings.ts";
import { calendarBlocks } from "./calendar.ts";
import { id } from "./columns.ts";
import { listings } from "./listings.ts";

/**
 * Every occupied date range of a listing, one row per occupying booking or calendar block.
 * An EXCLUDE constraint cannot span two tables, so triggers on bookings and calendar_blocks
 * (migration 0002) keep this table in step and its
 * `EXCLUDE USING gist (listing_id WITH =, daterange(check_in, check_out, '[)') WITH &&)`
 * rejects any overlap with SQLSTATE 23P01. Application code only reads it.
 */
export const listingOccupancy = pgTable(
  "listing_occupancy",
  {
    id: id(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    checkIn: date("check_in", { mode: "string" }).notNull(),
    checkOut: date("check_out", { mode: "string" }).notNull(),
    bookingId: uuid("booking_id")
      .unique()
      .references(() => bookings.id, { onDelete: "cascade" }),
    calendarBlockId: uuid("calendar_block_id")
      .unique()
      .references(() => calendarBlocks.id, { onDelete: "cascade" }),
  },
  (t) => [
    check("listing_occupancy_one_source", sql`num_nonnulls(${t.bookingId}, ${t.calendarBlockId}) = 1`),
    check("listing_occupancy_dates_ordered", sql`${t.checkOut} > ${t.checkIn}`),
  ],
);

export type ListingOccupancy = typeof listingOccupancy.$inferSelect;
