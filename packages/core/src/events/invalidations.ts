import type { EventPayload, EventType } from "@hometrip/contracts";
import type { RecordedEvent } from "./event-log.ts";

/** A cache entry set that a committed event makes stale. */
export type CacheInvalidation = { cache: "searchPages" } | { cache: "listingView"; listingId: string };

// Calendar, booking and review changes move search results but not the listing's own page.
const viewUnchangedBy = new Set<EventPayload<"listing.changed">["cause"]>(["calendar", "booking", "review"]);

/**
 * What each event type makes stale, in one place: the post-commit step applies it after every
 * unit of work that recorded the event. Typed over the whole catalog, so a new event type does
 * not compile until someone decides what it invalidates.
 */
const invalidationsByType: {
  [T in EventType]: (payload: EventPayload<T>) => CacheInvalidation[];
} = {
  "system.pinged": () => [],
  "auth.email_verification_requested": () => [],
  "auth.password_reset_requested": () => [],
  "auth.password_changed": () => [],
  "auth.phone_verification_requested": () => [],
  // Payment state is read fresh from Postgres (host payout pages are not cached).
  "payment.stripe_event_received": () => [],
  "payment.payout_released": () => [],
  "listing.changed": (payload) => {
    // A draft (or a listing unlisted before and after) is in no search page and no cached view.
    if (payload.searchVisible === false) return [];
    const views = viewUnchangedBy.has(payload.cause)
      ? []
      : payload.listingIds.map((listingId) => ({ cache: "listingView" as const, listingId }));
    return [{ cache: "searchPages" }, ...views];
  },
  // Holds, requests and confirmed stays take dates and the others free them: search availability
  // moves (as listing.changed with cause "booking"), the listing's own page does not. Only a
  // change between occupying and freeing matters (e.g. requested → confirmed keeps the dates).
  "booking.transitioned": (payload) =>
    occupies(payload.from) === occupies(payload.to) ? [] : [{ cache: "searchPages" }],
  // Messages and receipts reach clients through the rooms (./room-deliveries.ts), not cached pages.
  "message.sent": () => [],
  "conversation.read": () => [],
  // The bell's list and count are read fresh; the user room carries the live update.
  "notification.created": () => [],
};

const occupyingStatuses = new Set<string | null>(["pending_payment", "requested", "confirmed"]);
const occupies = (status: string | null) => occupyingStatuses.has(status);

/** The distinct invalidations a set of committed events calls for. */
export function invalidationsFor(events: RecordedEvent[]): CacheInvalidation[] {
  const distinct = new Map<string, CacheInvalidation>();
  for (const event of events) {
    const of = invalidationsByType[event.type] as (payload: unknown) => CacheInvalidation[];
    for (const invalidation of of(event.payload)) {
      const key =
        invalidation.cache === "listingView" ? `listingView:${invalidation.listingId}` : invalidation.cache;
      distinct.set(key, invalidation);
    }
  }
  return [...distinct.values()];
}
