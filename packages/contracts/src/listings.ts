import * as z from "zod";
import { searchPropertyTypes } from "./search.ts";

export const listingStatuses = ["draft", "published", "unlisted"] as const;
export const cancellationPolicies = ["flexible", "moderate", "strict", "non_refundable"] as const;

/** A guest-facing listing needs at least this many photos before it may be published. */
export const MIN_PHOTOS_TO_PUBLISH = 5;
export const MAX_PHOTOS_PER_LISTING = 50;

const minorUnits = z.number().int().nonnegative().max(100_000_000);
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM (24-hour)");
const text = (max: number) => z.string().trim().max(max);

export const zListingId = z.object({ id: z.uuid() });

export const zCreateListingInput = z.object({
  title: text(120).min(1),
  propertyType: z.enum(searchPropertyTypes),
});
export type CreateListingInput = z.infer<typeof zCreateListingInput>;

/**
 * Every field optional: the editor saves one step at a time. Weekend price and weekly/monthly
 * discounts are not here because the listings table has no columns for them yet.
 */
export const zListingChanges = z
  .object({
    title: text(120).min(1),
    description: text(5_000),
    propertyType: z.enum(searchPropertyTypes),
    addressLine1: text(200),
    addressLine2: text(200).nullable(),
    city: text(100),
    region: text(100).nullable(),
    postalCode: text(20).nullable(),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Use an ISO 3166-1 alpha-2 code"),
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    timezone: text(64).min(1),
    capacity: z.number().int().min(1).max(50),
    bedrooms: z.number().int().min(0).max(50),
    beds: z.number().int().min(0).max(100),
    baths: z
      .number()
      .min(0)
      .max(50)
      .refine((n) => Number.isInteger(n * 2), "Baths come in halves"),
    amenities: z.array(text(60).min(1)).max(60),
    houseRules: text(5_000),
    checkInTime: timeOfDay,
    checkOutTime: timeOfDay,
    nightlyPrice: minorUnits,
    cleaningFee: minorUnits,
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "Use an ISO 4217 code"),
    minNights: z.number().int().min(1).max(365),
    maxNights: z.number().int().min(1).max(365),
    instantBook: z.boolean(),
    cancellationPolicy: z.enum(cancellationPolicies),
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

export const zListing = z.object({
  id: z.uuid(),
  hostId: z.uuid(),
  status: z.enum(listingStatuses),
  title: z.string(),
  description: z.string(),
  propertyType: z.enum(searchPropertyTypes),
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
  currency: z.string(),
  minNights: z.number().int(),
  maxNights: z.number().int(),
  instantBook: z.boolean(),
  cancellationPolicy: z.enum(cancellationPolicies),
  publishedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  photos: z.array(zListingPhoto),
});
export type ListingView = z.infer<typeof zListing>;

export const zListingList = z.array(zListing);

export const zReorderPhotosInput = z.object({
  listingId: z.uuid(),
  photoIds: z.array(z.uuid()).min(1).max(MAX_PHOTOS_PER_LISTING),
});
export const zListingPhotoInput = z.object({ listingId: z.uuid(), photoId: z.uuid() });
export const zListingPhotos = z.array(zListingPhoto);
