import { cancellationPolicies, listingStatuses, propertyTypes } from "@hometrip/contracts/enums";
import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  check,
  doublePrecision,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, currency, currencyIsIso, id, money, timestamps } from "./columns.ts";
import { users } from "./users.ts";

export const listingStatus = pgEnum("listing_status", listingStatuses);
export const propertyType = pgEnum("property_type", propertyTypes);
export const cancellationPolicy = pgEnum("cancellation_policy", cancellationPolicies);

export const listings = pgTable(
  "listings",
  {
    id: id(),
    hostId: uuid("host_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    propertyType: propertyType("property_type").notNull(),
    status: listingStatus("status").notNull().default("draft"),
    addressLine1: text("address_line1").notNull(),
    addressLine2: text("address_line2"),
    city: text("city").notNull(),
    region: text("region"),
    postalCode: text("postal_code"),
    /** ISO 3166-1 alpha-2. */
    country: char("country", { length: 2 }).notNull(),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
    /** IANA zone; check-in/out times and "today" for the calendar are in the listing's zone. */
    timezone: text("timezone").notNull(),
    capacity: integer("capacity").notNull(),
    bedrooms: integer("bedrooms").notNull(),
    beds: integer("beds").notNull(),
    baths: numeric("baths", { precision: 3, scale: 1, mode: "number" }).notNull(),
    amenities: text("amenities").array().notNull().default(sql`'{}'::text[]`),
    houseRules: text("house_rules").notNull().default(""),
    checkInTime: time("check_in_time").notNull().default("15:00"),
    checkOutTime: time("check_out_time").notNull().default("11:00"),
    nightlyPrice: money("nightly_price"),
    cleaningFee: money("cleaning_fee").default(0),
    /** Friday and Saturday nights; NULL means the nightly price applies every night. */
    weekendPrice: integer("weekend_price"),
    /** Off the nights subtotal from 7 nights (weekly) and 28 nights (monthly, which wins). */
    weeklyDiscountPercent: smallint("weekly_discount_percent").notNull().default(0),
    monthlyDiscountPercent: smallint("monthly_discount_percent").notNull().default(0),
    currency: currency(),
    minNights: integer("min_nights").notNull().default(1),
    maxNights: integer("max_nights").notNull().default(365),
    /** Days of notice before check-in (0: a stay may start today in the listing's zone). */
    leadTimeDays: smallint("lead_time_days").notNull().default(0),
    instantBook: boolean("instant_book").notNull().default(false),
    cancellationPolicy: cancellationPolicy("cancellation_policy").notNull().default("moderate"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index("listings_host_id_idx").on(t.hostId),
    index("listings_country_city_idx").on(t.country, t.city),
    // Map search: bounding boxes over published listings only.
    index("listings_published_lat_lng_idx").on(t.lat, t.lng).where(sql`${t.status} = 'published'`),
    index("listings_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
    index("listings_city_trgm_idx").using("gin", t.city.op("gin_trgm_ops")),
    index("listings_amenities_idx").using("gin", t.amenities),
    check("listings_lat_range", sql`${t.lat} between -90 and 90`),
    check("listings_lng_range", sql`${t.lng} between -180 and 180`),
    check("listings_capacity_positive", sql`${t.capacity} >= 1`),
    check("listings_rooms_non_negative", sql`${t.bedrooms} >= 0 and ${t.beds} >= 0 and ${t.baths} >= 0`),
    check("listings_money_non_negative", sql`${t.nightlyPrice} >= 0 and ${t.cleaningFee} >= 0`),
    check("listings_weekend_price_non_negative", sql`${t.weekendPrice} >= 0`),
    check(
      "listings_discounts_range",
      sql`${t.weeklyDiscountPercent} between 0 and 90 and ${t.monthlyDiscountPercent} between 0 and 90`,
    ),
    check("listings_currency_iso", currencyIsIso(t.currency)),
    check("listings_lead_time_range", sql`${t.leadTimeDays} between 0 and 365`),
    check("listings_nights_range", sql`${t.minNights} >= 1 and ${t.maxNights} >= ${t.minNights}`),
  ],
);

/** Photos in the LISTING_PHOTOS bucket are served by the API under this path followed by the key. */
export const listingPhotoUrlPrefix = "/listing-photos/";

export const listingPhotos = pgTable(
  "listing_photos",
  {
    id: id(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    /**
     * Key of the uploaded object in the LISTING_PHOTOS bucket, which deleting the photo deletes;
     * NULL when the object is not the photo's own (the demo seed's pictures are shared).
     */
    objectKey: text("object_key"),
    caption: text("caption").notNull().default(""),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    /** 0 is the cover photo. */
    position: integer("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("listing_photos_listing_position_key").on(t.listingId, t.position),
    check("listing_photos_dimensions_positive", sql`${t.width} > 0 and ${t.height} > 0`),
    check("listing_photos_position_non_negative", sql`${t.position} >= 0`),
  ],
);

export type Listing = typeof listings.$inferSelect;
export type NewListing = typeof listings.$inferInsert;
export type ListingPhoto = typeof listingPhotos.$inferSelect;
export type NewListingPhoto = typeof listingPhotos.$inferInsert;
export type ListingStatus = (typeof listingStatus.enumValues)[number];
export type PropertyType = (typeof propertyType.enumValues)[number];
export type CancellationPolicy = (typeof cancellationPolicy.enumValues)[number];
