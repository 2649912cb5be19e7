import * as z from "zod";
import { daysBetween, weekdayOf } from "./dates.ts";
import { zCancellationPolicy, zListingStatus, zPropertyType } from "./enums.ts";
import { zIsoDate, zLatitude, zLongitude, zText, zTimeZone } from "./input-bounds.ts";

/** A guest-facing listing needs at least this many photos before it may be published. */
export const MIN_PHOTOS_TO_PUBLISH = 5;
export const MAX_PHOTOS_PER_LISTING = 50;
/** The most notice a host may ask for before check-in (listings_lead_time_range allows 0–365). */
export const MAX_LEAD_TIME_DAYS = 365;

const minorUnits = z.number().int().nonnegative().max(100_000_000);
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM (24-hour)");
const text = (max: number) => zText({ max });
const paragraphs = (max: number) => zText({ max, multiline: true });

export const zListingId = z.object({ id: z.uuid() });

export const zCreateListingInput = z.object({
  title: text(120).min(1),
  propertyType: zPropertyType,
});
export type CreateListingInput = z.infer<typeof zCreateListingInput>;

const percent = z.int().min(0).max(90);
const isoDate = zIsoDate;

/** Every field optional: the editor saves one step at a time. */
export const zListingChanges = z
  .object({
    title: text(120).min(1),
    description: paragraphs(5_000),
    propertyType: zPropertyType,
    addressLine1: text(200),
    addressLine2: text(200).nullable(),
    city: text(100).min(1, "Enter the city"),
    region: text(100).nullable(),
    postalCode: text(20).nullable(),
    country: zText({ max: 2 })
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Use an ISO 3166-1 alpha-2 code"),
    lat: zLatitude,
    lng: zLongitude,
    timezone: zTimeZone,
    capacity: z.number().int().min(1).max(50),
    bedrooms: z.number().int().min(0).max(50),
    beds: z.number().int().min(0).max(100),
    baths: z
      .number()
      .min(0)
      .max(50)
      .refine((n) => Number.isInteger(n * 2), "Baths come in halves"),
    amenities: z.array(text(60).min(1)).max(60),
    houseRules: paragraphs(5_000),
    checkInTime: timeOfDay,
    checkOutTime: timeOfDay,
    nightlyPrice: minorUnits,
    cleaningFee: minorUnits,
    /** Friday and Saturday nights; null = the nightly price every night. */
    weekendPrice: minorUnits.nullable(),
    /** Off the nights subtotal of stays of 7+ nights. */
    weeklyDiscountPercent: percent,
    /** Off the nights subtotal of stays of 28+ nights (replaces the weekly discount). */
    monthlyDiscountPercent: percent,
    currency: zText({ max: 3 })
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "Use an ISO 4217 code"),
    minNights: z.number().int().min(1).max(365),
    maxNights: z.number().int().min(1).max(365),
    /** Days of notice before check-in: 0 = bookable for tonight, up to a year (the column's check). */
    leadTimeDays: z.number().int().min(0).max(MAX_LEAD_TIME_DAYS),
    instantBook: z.boolean(),
    cancellationPolicy: zCancellationPolicy,
  })
  .partial()
  .strict();
export type ListingChanges = z.infer<typeof zListingChanges>;

export const zUpdateListingInput = z.object({ id: z.uuid(), changes: zListingChanges });

export const zListingPhoto = z.object({
  id: z.uuid(),
  url: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  position: z.number().int().nonnegative(),
  caption: z.string(),
});
export type ListingPhotoView = z.infer<typeof zListingPhoto>;

/** Who hosts a listing, as a guest sees them on the listing page. */
export const zListingHost = z.object({
  id: z.uuid(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  memberSince: z.iso.datetime(),
});
export type ListingHostView = z.infer<typeof zListingHost>;

/** Guests' reviews of the listing: average 1–5 (null before the first review) and how many. */
export const zListingRating = z.object({
  average: z.number().nullable(),
  count: z.number().int().nonnegative(),
});
export type ListingRatingView = z.infer<typeof zListingRating>;

export const zListing = z.object({
  id: z.uuid(),
  hostId: z.uuid(),
  status: zListingStatus,
  title: z.string(),
  description: z.string(),
  propertyType: zPropertyType,
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  city: z.string(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string(),
  lat: z.number(),
  lng: z.number(),
  timezone: z.string(),
  capacity: z.number().int(),
  bedrooms: z.number().int(),
  beds: z.number().int(),
  baths: z.number(),
  amenities: z.array(z.string()),
  houseRules: z.string(),
  checkInTime: z.string(),
  checkOutTime: z.string(),
  nightlyPrice: z.number().int(),
  cleaningFee: z.number().int(),
  weekendPrice: z.number().int().nullable(),
  weeklyDiscountPercent: z.number().int(),
  monthlyDiscountPercent: z.number().int(),
  currency: z.string(),
  minNights: z.number().int(),
  maxNights: z.number().int(),
  leadTimeDays: z.number().int(),
  instantBook: z.boolean(),
  cancellationPolicy: zCancellationPolicy,
  publishedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  photos: z.array(zListingPhoto),
  host: zListingHost,
  rating: zListingRating,
  /**
   * What publishing still needs, as the completeness check names it (title, description,
   * addressLine1, city, country, location, photos, nightlyPrice, capacity, beds); empty when the
   * listing may be published.
   */
  missingForPublish: z.array(z.string()),
});
export type ListingView = z.infer<typeof zListing>;

export const zListingList = z.array(zListing);

export const zReorderPhotosInput = z.object({
  listingId: z.uuid(),
  photoIds: z.array(z.uuid()).min(1).max(MAX_PHOTOS_PER_LISTING),
});
export const zListingPhotoInput = z.object({ listingId: z.uuid(), photoId: z.uuid() });
export const zListingPhotos = z.array(zListingPhoto);

/** Longest stay a quote prices; matches the longest max_nights a listing may set. */
export const MAX_QUOTE_NIGHTS = 365;

export const zStayQuoteInput = z
  .object({
    listingId: z.uuid(),
    checkIn: isoDate,
    checkOut: isoDate,
    guests: z.int().min(1).max(50).optional(),
  })
  .refine((q) => q.checkOut > q.checkIn, { message: "must be after checkIn", path: ["checkOut"] })
  .refine((q) => daysBetween(q.checkIn, q.checkOut) <= MAX_QUOTE_NIGHTS, {
    message: `at most ${MAX_QUOTE_NIGHTS} nights`,
    path: ["checkOut"],
  });
export type StayQuoteInput = z.infer<typeof zStayQuoteInput>;

export const stayUnavailableReasons = [
  "dates_taken",
  "min_nights",
  "max_nights",
  "too_many_guests",
  "in_the_past",
  "lead_time",
] as const;
export type StayUnavailableReason = (typeof stayUnavailableReasons)[number];

export const priceLineKinds = ["nights", "discount", "cleaning_fee", "service_fee", "tax"] as const;

export const nightPriceKinds = ["base", "weekend", "override"] as const;
export type NightPriceKind = (typeof nightPriceKinds)[number];

/**
 * The price of a stay, in integer minor units of `currency`. Friday and Saturday nights cost the
 * weekend price when one is set; a per-date override beats both. The discount (monthly from 28
 * nights, else weekly from 7) applies to `nightsSubtotal` only, never to the cleaning fee. A quote
 * for dates that cannot be booked still carries the prices, with `available: false` and the reason.
 */
export const zStayQuote = z.object({
  listingId: z.uuid(),
  checkIn: isoDate,
  checkOut: isoDate,
  nights: z.int().positive(),
  currency: z.string(),
  available: z.boolean(),
  unavailableReason: z.enum(stayUnavailableReasons).nullable(),
  minNights: z.int(),
  maxNights: z.int(),
  leadTimeDays: z.int().nonnegative(),
  nightly: z.array(z.object({ date: isoDate, price: z.int().nonnegative(), kind: z.enum(nightPriceKinds) })),
  nightsSubtotal: z.int().nonnegative(),
  discount: z
    .object({
      kind: z.enum(["weekly", "monthly"]),
      percent: z.int().positive(),
      amount: z.int().nonnegative(),
    })
    .nullable(),
  cleaningFee: z.int().nonnegative(),
  /** The stay: nights after the discount plus the cleaning fee (what search results show). */
  total: z.int().nonnegative(),
  /** The guest's service fee, percent of `total`. */
  serviceFee: z.int().nonnegative(),
  /** Occupancy taxes of the listing's place (per-guest ones for `guests`, else for one guest). */
  taxes: z.array(z.object({ label: z.string(), amount: z.int().nonnegative() })),
  taxTotal: z.int().nonnegative(),
  /** Everything the guest pays: `total` + `serviceFee` + `taxTotal`; the lines add up to it. */
  guestTotal: z.int().nonnegative(),
  lines: z.array(z.object({ kind: z.enum(priceLineKinds), label: z.string(), amount: z.int() })),
});
export type StayQuote = z.infer<typeof zStayQuote>;

/*
 * The pricing rule every price of a stay follows (core's quote, the Postgres search SQL and the
 * Typesense documents); these are the pieces they share.
 */

export const WEEKLY_DISCOUNT_NIGHTS = 7;
export const MONTHLY_DISCOUNT_NIGHTS = 28;

/**
 * The night of `date` (the night that starts that evening) is a weekend night when `date` is a
 * Friday or a Saturday. Dates are calendar dates, so the weekday is read in UTC.
 */
export function isWeekendNight(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday === 5 || weekday === 6;
}

/** How many of the nights in [checkIn, checkOut) are Friday or Saturday nights. */
export function weekendNightsBetween(checkIn: string, checkOut: string): number {
  const nights = daysBetween(checkIn, checkOut);
  if (nights <= 0) return 0;
  const firstWeekday = weekdayOf(checkIn);
  const fullWeeks = Math.floor(nights / 7);
  let count = fullWeeks * 2;
  for (let i = fullWeeks * 7; i < nights; i++) {
    const weekday = (firstWeekday + i) % 7;
    if (weekday === 5 || weekday === 6) count += 1;
  }
  return count;
}

/** Monthly from 28 nights (when set), else weekly from 7 nights; a 0 % discount is none. */
export function lengthOfStayDiscountRate(
  nights: number,
  percents: { weeklyDiscountPercent: number; monthlyDiscountPercent: number },
): { kind: "weekly" | "monthly"; percent: number } | null {
  if (nights >= MONTHLY_DISCOUNT_NIGHTS && percents.monthlyDiscountPercent > 0) {
    return { kind: "monthly", percent: percents.monthlyDiscountPercent };
  }
  if (nights >= WEEKLY_DISCOUNT_NIGHTS && percents.weeklyDiscountPercent > 0) {
    return { kind: "weekly", percent: percents.weeklyDiscountPercent };
  }
  return null;
}

/** Percent of an amount in whole minor units, halves rounded up (as Postgres rounds numerics). */
export function percentOf(amount: number, percent: number): number {
  return Math.round((amount * percent) / 100);
}
