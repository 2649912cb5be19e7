import type { bookingStatuses as bookingLifecycleStatuses } from "@hometrip/contracts";
import { describe, expect, it } from "vitest";
import { bookingNotices } from "./booking-notices.ts";

const facts = {
  listingTitle: "Loft by the canal",
  guestName: "Ada",
  checkIn: "2026-07-01",
  checkOut: "2026-07-04",
  total: "€420.00",
};
const who = (
  from: (typeof bookingLifecycleStatuses)[number] | null,
  to: (typeof bookingLifecycleStatuses)[number],
) => bookingNotices({ ...facts, from, to }).map((n) => `${n.to}:${n.type}`);

describe("booking notices", () => {
  it("tell the host of a request and the guest of the answer", () => {
    expect(who("pending_payment", "requested")).toEqual(["host:booking.requested"]);
    expect(who("requested", "confirmed")).toEqual(["guest:booking.confirmed"]);
    expect(who("requested", "declined")).toEqual(["guest:booking.declined"]);
    expect(who("requested", "expired")).toEqual(["guest:booking.expired", "host:booking.expired"]);
  });

  it("tell the host of an instant booking, and the other party of a cancellation", () => {
    expect(who("pending_payment", "confirmed")).toEqual([
      "guest:booking.confirmed",
      "host:booking.confirmed",
    ]);
    expect(who("confirmed", "cancelled_by_guest")).toEqual(["host:booking.cancelled"]);
    expect(who("confirmed", "cancelled_by_host")).toEqual(["guest:booking.cancelled"]);
    expect(who("requested", "withdrawn")).toEqual(["host:booking.withdrawn"]);
  });

  it("say nothing for steps nobody needs to hear about", () => {
    expect(who(null, "pending_payment")).toEqual([]);
    expect(who("pending_payment", "payment_failed")).toEqual([]);
    expect(who("confirmed", "completed")).toEqual([]);
  });

  it("name the stay and the total", () => {
    const [notice] = bookingNotices({ ...facts, from: "pending_payment", to: "requested" });
    expect(notice?.title).toBe("New booking request from Ada");
    expect(notice?.paragraphs[0]).toBe("Loft by the canal, 2026-07-01 to 2026-07-04 (€420.00).");
  });
});
