import { describe, expect, it } from "vitest";
import type { RecordedEvent } from "./event-log.ts";
import { invalidationsFor } from "./invalidations.ts";

const listingA = "7b0c58a4-8a59-4b63-9c2f-5e0c3c0a0a01";
const listingB = "7b0c58a4-8a59-4b63-9c2f-5e0c3c0a0a02";
const changed = (payload: Extract<RecordedEvent, { type: "listing.changed" }>["payload"]): RecordedEvent => ({
  id: crypto.randomUUID(),
  type: "listing.changed",
  payload,
});

describe("invalidationsFor", () => {
  it("a listing's own change drops cached searches and the listing's cached view", () => {
    expect(invalidationsFor([changed({ listingIds: [listingA], cause: "photos" })])).toEqual([
      { cache: "searchPages" },
      { cache: "listingView", listingId: listingA },
    ]);
  });

  it("a calendar change drops cached searches only", () => {
    expect(invalidationsFor([changed({ listingIds: [listingA], cause: "calendar" })])).toEqual([
      { cache: "searchPages" },
    ]);
  });

  it("a change guests could not see drops nothing", () => {
    expect(
      invalidationsFor([changed({ listingIds: [listingA], cause: "listing", searchVisible: false })]),
    ).toEqual([]);
  });

  it("several events ask for each invalidation once", () => {
    const events = [
      changed({ listingIds: [listingA], cause: "listing" }),
      changed({ listingIds: [listingA, listingB], cause: "pricing" }),
      {
        id: crypto.randomUUID(),
        type: "auth.password_changed",
        payload: { userId: listingA },
      } as RecordedEvent,
    ];
    expect(invalidationsFor(events)).toEqual([
      { cache: "searchPages" },
      { cache: "listingView", listingId: listingA },
      { cache: "listingView", listingId: listingB },
    ]);
  });
});

describe("booking.transitioned", () => {
  const moved = (from: string | null, to: string): RecordedEvent =>
    ({
      id: crypto.randomUUID(),
      type: "booking.transitioned",
      payload: {
        bookingId: listingB,
        listingId: listingA,
        guestId: listingB,
        hostId: listingB,
        from,
        to,
        checkIn: "2031-01-01",
        checkOut: "2031-01-03",
        total: 1,
        currency: "EUR",
        at: "2031-01-01T00:00:00.000Z",
      },
    }) as RecordedEvent;

  it("drops cached searches when dates are taken or freed, and nothing when they stay as they were", () => {
    expect(invalidationsFor([moved(null, "pending_payment")])).toEqual([{ cache: "searchPages" }]);
    expect(invalidationsFor([moved("requested", "declined")])).toEqual([{ cache: "searchPages" }]);
    expect(invalidationsFor([moved("pending_payment", "requested")])).toEqual([]);
    expect(invalidationsFor([moved("requested", "confirmed")])).toEqual([]);
  });
});
