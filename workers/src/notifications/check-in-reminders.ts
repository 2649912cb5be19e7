import { addDays, dateIn } from "@hometrip/contracts";
import { checkInReminder, type Logger, notify } from "@hometrip/core";
import {
  bookings,
  type Database,
  listings,
  notificationDeliveries,
  notifications,
  users,
} from "@hometrip/db";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { NotificationDeps } from "./deps.ts";
import { wakeWhenDue } from "./due-send-wake-ups.ts";

/**
 * Reminds guest and host of a confirmed stay whose check-in is tomorrow in the listing's zone. Runs hourly;
 * a booking already reminded (a stored notification or a scheduled send names it) is passed over,
 * so a rerun, or a member who switched the in-app list off, gets one reminder.
 */
export async function sendCheckInReminders(
  db: Database,
  deps: NotificationDeps,
  opts: { now: Date; log: Logger },
): Promise<{ reminded: number }> {
  // Every zone's "tomorrow" lies within a day of UTC's; the listing's own zone decides below.
  const utcToday = dateIn("UTC", opts.now);
  const due = await db
    .select({
      bookingId: bookings.id,
      guestId: bookings.guestId,
      hostId: listings.hostId,
      checkIn: bookings.checkIn,
      listingTitle: listings.title,
      guestName: users.displayName,
      timezone: listings.timezone,
    })
    .from(bookings)
    .innerJoin(listings, eq(listings.id, bookings.listingId))
    .innerJoin(users, eq(users.id, bookings.guestId))
    .where(
      and(
        eq(bookings.status, "confirmed"),
        gte(bookings.checkIn, utcToday),
        lte(bookings.checkIn, addDays(utcToday, 2)),
      ),
    );
  let reminded = 0;
  for (const b of due) {
    if (b.checkIn !== addDays(dateIn(b.timezone, opts.now), 1)) continue;
    const done = await db.transaction(async (tx) => {
      // Serialises two overlapping runs on the same booking.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`check-in-reminder:${b.bookingId}`}))`);
      const [already] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.type, "booking.check_in_reminder"),
            sql`${notifications.data}->>'bookingId' = ${b.bookingId}`,
          ),
        )
        .limit(1);
      const [scheduled] = await tx
        .select({ id: notificationDeliveries.id })
        .from(notificationDeliveries)
        .where(
          and(
            eq(notificationDeliveries.kind, "check_in_reminder"),
            sql`${notificationDeliveries.payload}->>'bookingId' = ${b.bookingId}`,
          ),
        )
        .limit(1);
      if (already || scheduled) return false;
      for (const to of ["guest", "host"] as const) {
        const n = checkInReminder({
          listingTitle: b.listingTitle,
          checkIn: b.checkIn,
          to,
          guestName: b.guestName,
        });
        const link = to === "guest" ? `/trips/${b.bookingId}` : `/host/bookings/${b.bookingId}`;
        const body = n.paragraphs.join(" ");
        const userId = to === "guest" ? b.guestId : b.hostId;
        const result = await notify(tx, {
          userId,
          category: "booking_updates",
          type: n.type,
          title: n.title,
          body,
          link,
          outbound: {
            kind: "check_in_reminder",
            payload: {
              title: n.title,
              body,
              link,
              paragraphs: n.paragraphs,
              actionLabel: n.actionLabel,
              bookingId: b.bookingId,
            },
          },
          now: opts.now,
        });
        await wakeWhenDue(deps.wakeUps, result, opts);
      }
      return true;
    });
    if (done) reminded += 1;
  }
  if (reminded > 0) opts.log.info("check-in reminders scheduled", { reminded });
  return { reminded };
}
