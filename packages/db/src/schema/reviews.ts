import { reviewKinds } from "@hometrip/contracts/enums";
import { sql } from "drizzle-orm";
import {
  check,
  index,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bookings } from "./bookings.ts";
import { id, timestamps } from "./columns.ts";
import { listings } from "./listings.ts";
import { users } from "./users.ts";

/** Both sides review after a stay: the guest reviews the listing, the host reviews the guest. */
export const reviewKind = pgEnum("review_kind", reviewKinds);

export const reviews = pgTable(
  "reviews",
  {
    id: id(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: reviewKind("kind").notNull(),
    rating: smallint("rating").notNull(),
    body: text("body").notNull(),
    response: text("response"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("reviews_booking_kind_key").on(t.bookingId, t.kind),
    index("reviews_listing_created_at_idx").on(t.listingId, t.createdAt),
    index("reviews_author_id_idx").on(t.authorId),
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
  ],
);

export type Review = typeof reviews.$inferSelect;
export type NewReview = typeof reviews.$inferInsert;
