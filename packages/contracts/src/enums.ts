import * as z from "zod";

/*
 * The closed sets of values the product knows, defined once: the database's enums
 * (packages/db/src/schema, `pgEnum(name, values)`) are built from these arrays, and zod schemas
 * and TypeScript types derive from them. Adding a value here changes the database: run
 * `bun run db:generate` and commit the migration it writes.
 */

export const propertyTypes = [
  "apartment",
  "house",
  "villa",
  "cabin",
  "cottage",
  "loft",
  "condo",
  "townhouse",
  "guesthouse",
  "private_room",
] as const;
export const zPropertyType = z.enum(propertyTypes);
export type PropertyType = (typeof propertyTypes)[number];

export const listingStatuses = ["draft", "published", "unlisted"] as const;
export const zListingStatus = z.enum(listingStatuses);
export type ListingStatus = (typeof listingStatuses)[number];

export const cancellationPolicies = ["flexible", "moderate", "strict", "non_refundable"] as const;
export const zCancellationPolicy = z.enum(cancellationPolicies);
export type CancellationPolicy = (typeof cancellationPolicies)[number];

/** `users.role`: hosts are members with a host profile, not a role. */
export const userRoles = ["member", "admin"] as const;
export const zUserRole = z.enum(userRoles);
export type UserRole = (typeof userRoles)[number];

export const accountStatuses = ["active", "suspended", "deleted"] as const;
export type AccountStatus = (typeof accountStatuses)[number];

/** A conversation participant's side. */
export const participantRoles = ["guest", "host", "admin"] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export const credentialKinds = ["password", "oauth"] as const;
export const emailTokenPurposes = ["verify_email", "reset_password"] as const;

/**
 * A booking's life (packages/core/src/bookings/state-machine.ts holds the transitions). The first
 * three occupy the stay's dates; every other status frees them.
 */
export const bookingStatuses = [
  "pending_payment",
  "requested",
  "confirmed",
  "declined",
  "expired",
  "withdrawn",
  "payment_failed",
  "cancelled_by_guest",
  "cancelled_by_host",
  "completed",
] as const;
export const zBookingStatus = z.enum(bookingStatuses);
export type BookingStatus = (typeof bookingStatuses)[number];

export const paymentStatuses = [
  "pending",
  "requires_action",
  "succeeded",
  "failed",
  "refunded",
  "partially_refunded",
] as const;
export const refundStatuses = ["pending", "succeeded", "failed"] as const;
export const payoutStatuses = ["scheduled", "in_transit", "paid", "failed", "cancelled"] as const;

export const reviewKinds = ["of_listing", "of_guest"] as const;
