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
  // Notifications are per user and never cached; message and booking writes record their own listing.changed.
  "message.sent": () => [],
  "conversation.read": () => [],
  "booking.transitioned": () => [],
  "listing.changed": (payload) => {
    // A draft (or a listing unlisted before and after) is in no search page and no cached view.
    if (payload.searchVisible === false) return [];
    const views = viewUnchangedBy.has(payload.cause)
      ? []
      : payload.listingIds.map((listingId) => ({ cache: "listingView" as const, listingId }));
    return [{ cache: "searchPages" }, ...views];
  },
};

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
