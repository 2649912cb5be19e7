import { bookingNotices, notify } from "@hometrip/core";
import { listings, users } from "@hometrip/db";
import { eq, inArray } from "drizzle-orm";
import type { NotificationDeps } from "../../notifications/deps.ts";
import { wakeWhenDue } from "../../notifications/due-send-wake-ups.ts";
import type { EventHandler } from "../types.ts";

/** "€1,240.00" from integer minor units, with the currency's own number of decimals. */
export function formatTotal(minor: number, currency: string): string {
  const format = new Intl.NumberFormat("en", { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

export function handleBookingTransitioned(deps: NotificationDeps): EventHandler<"booking.transitioned"> {
  return async ({ tx, event, log, now }) => {
    const p = event.payload;
    const people = await tx
      .select({ id: users.id, name: users.displayName, status: users.status })
      .from(users)
      .where(inArray(users.id, [p.guestId, p.hostId]));
    const [listing] = await tx
      .select({ title: listings.title })
      .from(listings)
      .where(eq(listings.id, p.listingId));
    const guest = people.find((u) => u.id === p.guestId);
    const notices = bookingNotices({
      from: p.from,
      to: p.to,
      listingTitle: listing?.title ?? "your stay",
      guestName: guest?.name ?? "A guest",
      checkIn: p.checkIn,
      checkOut: p.checkOut,
      total: formatTotal(p.total, p.currency),
    });
    for (const n of notices) {
      const userId = n.to === "guest" ? p.guestId : p.hostId;
      const person = people.find((u) => u.id === userId);
      if (!person || person.status === "deleted") continue;
      const link = n.to === "guest" ? `/trips/${p.bookingId}` : `/host/bookings/${p.bookingId}`;
      const body = n.paragraphs.join(" ");
      const result = await notify(tx, {
        userId,
        category: "booking_updates",
        type: n.type,
        title: n.title,
        body,
        link,
        outbound: {
          kind: "booking",
          payload: {
            title: n.title,
            body,
            link,
            paragraphs: n.paragraphs,
            actionLabel: n.actionLabel,
            bookingId: p.bookingId,
          },
        },
        now,
      });
      log.info("booking notification scheduled", { eventId: event.id, userId, type: n.type });
      await wakeWhenDue(deps.wakeUps, result, { now, log });
    }
  };
}
