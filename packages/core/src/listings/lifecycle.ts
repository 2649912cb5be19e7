import {
  AppError,
  type CreateListingInput,
  type ListingChanges,
  type ListingView,
} from "@hometrip/contracts";
import { type Database, type Listing, listings, type Tx } from "@hometrip/db";
import { eq } from "drizzle-orm";
import { recordEvent } from "../events/record-event.ts";
import { hostCanReceivePayouts } from "../payments/payout-accounts.ts";
import { timeZoneAt } from "../places/time-zone.ts";
import { type ListingActor, lockListingForChange } from "./access.ts";
import { type ListingIssue, missingForPublication, UNKNOWN_COUNTRY } from "./completeness.ts";
import { listingViewOf, photosOf } from "./listing-view.ts";

/** A committed change; its `listing.changed` event drives the post-commit step (relay, cache invalidation). */
export interface ListingChange<T = ListingView> {
  value: T;
  /** The listing that changed, so its cached view can be dropped. */
  listingId: string;
  eventId: string;
  /** The listing was or is published: cached searches and its cached public view may show the old version. */
  searchVisible: boolean;
}

const pricingFields = new Set<keyof ListingChanges>([
  "nightlyPrice",
  "cleaningFee",
  "weekendPrice",
  "weeklyDiscountPercent",
  "monthlyDiscountPercent",
  "currency",
]);

/** Where a host finishes Stripe Connect onboarding in the web app. */
export const PAYOUT_SETUP_PATH = "/host/payouts";

/**
 * Instant book confirms a paid stay without the host, so the guest's money would be captured for
 * a host Stripe cannot pay. Publishing such a listing, or switching instant book on once it is
 * published, waits until payouts are enabled (switching it off never does). If Stripe disables
 * payouts later (`account.updated`), the listing stays published and `createBooking` takes
 * requests instead of instant bookings until they are enabled again.
 */
export function payoutsNeededForInstantBook(action: "publish" | "enable"): AppError {
  const what =
    action === "publish"
      ? "publishing an instant-book listing"
      : "turning on instant book for a published listing";
  return new AppError(
    "FORBIDDEN",
    `Finish setting up payouts (Host → Payouts, ${PAYOUT_SETUP_PATH}) before ${what}, or turn instant book off: guests' payments could not reach you`,
    { details: { reason: "payouts_not_enabled", setupPath: PAYOUT_SETUP_PATH } },
  );
}

export function incompleteListing(issues: ListingIssue[]): AppError {
  return new AppError(
    "BAD_REQUEST",
    `The listing is not ready: ${issues.map((i) => i.path).join(", ")} missing`,
    {
      details: { issues },
    },
  );
}

/** A draft with placeholders the host replaces step by step; see `missingForPublication`. */
export async function createListingDraft(
  db: Database,
  actor: ListingActor,
  input: CreateListingInput,
): Promise<ListingChange> {
  return db.transaction(async (tx) => {
    const [listing] = await tx
      .insert(listings)
      .values({
        hostId: actor.userId,
        title: input.title,
        propertyType: input.propertyType,
        addressLine1: "",
        city: "",
        country: UNKNOWN_COUNTRY,
        lat: 0,
        lng: 0,
        timezone: "UTC",
        capacity: 1,
        bedrooms: 0,
        beds: 0,
        baths: 0,
        nightlyPrice: 0,
        currency: "EUR",
      })
      .returning();
    if (!listing) throw new Error("listing insert returned nothing");
    const { id: eventId } = await recordEvent(tx, "listing.changed", {
      listingIds: [listing.id],
      cause: "listing",
      searchVisible: false,
    });
    return { value: await listingViewOf(tx, listing), listingId: listing.id, eventId, searchVisible: false };
  });
}

export async function updateListing(
  db: Database,
  actor: ListingActor,
  listingId: string,
  requested: ListingChanges,
  now: Date,
): Promise<ListingChange> {
  return db.transaction(async (tx) => {
    const current = await lockListingForChange(tx, listingId, actor);
    const changes = withZoneFromPosition(requested, current);
    const merged = { ...current, ...changes } as Listing;
    if (merged.maxNights < merged.minNights) {
      throw new AppError("BAD_REQUEST", "Maximum nights cannot be below minimum nights", {
        details: { issues: [{ path: "changes.maxNights", message: "Must be at least the minimum nights" }] },
      });
    }
    if (current.status === "published") {
      const issues = missingForPublication(merged, (await photosOf(tx, listingId)).length);
      if (issues.length > 0) throw incompleteListing(issues);
      const switchingOn = changes.instantBook === true && !current.instantBook;
      if (switchingOn && !(await hostCanReceivePayouts(tx, current.hostId))) {
        throw payoutsNeededForInstantBook("enable");
      }
    }
    const [updated] = await tx
      .update(listings)
      .set({ ...changes, updatedAt: now })
      .where(eq(listings.id, listingId))
      .returning();
    if (!updated) throw new Error("listing update returned nothing");
    const keys = Object.keys(changes) as (keyof ListingChanges)[];
    const cause = keys.length > 0 && keys.every((k) => pricingFields.has(k)) ? "pricing" : "listing";
    const searchVisible = current.status === "published";
    const { id: eventId } = await recordEvent(tx, "listing.changed", {
      listingIds: [listingId],
      cause,
      searchVisible,
    });
    return { value: await listingViewOf(tx, updated), listingId, eventId, searchVisible };
  });
}

/**
 * A move without a zone takes the zone at the new position: hosts place the pin, and check-in
 * times and calendar days follow the zone, so it must not stay at the draft's UTC. A zone sent
 * with the move is the host's choice and kept.
 */
function withZoneFromPosition(changes: ListingChanges, current: Listing): ListingChanges {
  if (changes.timezone !== undefined || (changes.lat === undefined && changes.lng === undefined))
    return changes;
  return { ...changes, timezone: timeZoneAt(changes.lat ?? current.lat, changes.lng ?? current.lng) };
}

/** Draft or unlisted → published, once nothing is missing; publishing again changes nothing. */
export async function publishListing(
  db: Database,
  actor: ListingActor,
  listingId: string,
  now: Date,
): Promise<ListingChange> {
  return db.transaction(async (tx) => {
    const current = await lockListingForChange(tx, listingId, actor);
    const issues = missingForPublication(current, (await photosOf(tx, listingId)).length);
    if (issues.length > 0) throw incompleteListing(issues);
    const goingLive = current.status !== "published";
    if (goingLive && current.instantBook && !(await hostCanReceivePayouts(tx, current.hostId))) {
      throw payoutsNeededForInstantBook("publish");
    }
    return setStatus(tx, current, "published", { publishedAt: current.publishedAt ?? now, updatedAt: now });
  });
}

/** Published → unlisted: hidden from search, kept with its photos for republishing. */
export async function unlistListing(
  db: Database,
  actor: ListingActor,
  listingId: string,
  now: Date,
): Promise<ListingChange> {
  return db.transaction(async (tx) => {
    const current = await lockListingForChange(tx, listingId, actor);
    if (current.status === "draft") {
      throw new AppError("BAD_REQUEST", "A draft is not listed; publish it first");
    }
    return setStatus(tx, current, "unlisted", { updatedAt: now });
  });
}

async function setStatus(
  tx: Tx,
  current: Listing,
  status: Listing["status"],
  fields: Partial<Listing>,
): Promise<ListingChange> {
  const [updated] = await tx
    .update(listings)
    .set({ ...fields, status })
    .where(eq(listings.id, current.id))
    .returning();
  if (!updated) throw new Error("listing update returned nothing");
  const searchVisible = current.status === "published" || status === "published";
  const { id: eventId } = await recordEvent(tx, "listing.changed", {
    listingIds: [current.id],
    cause: "listing",
    searchVisible,
  });
  return { value: await listingViewOf(tx, updated), listingId: current.id, eventId, searchVisible };
}
