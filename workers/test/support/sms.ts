import { notify, silentLogger, updateNotificationPreferences } from "@hometrip/core";
import { type Database, notificationSettings } from "@hometrip/db";
import { eq } from "drizzle-orm";
import type { NotificationDeps } from "../../src/notifications/deps.ts";
import { dispatchDueDeliveries } from "../../src/notifications/dispatch.ts";

/** A US test number no other test uses (the stand-in lists texts per number). */
export const uniquePhone = () => `+1415555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;

/**
 * Saves `phone` and marks it verified, as a member who entered the texted code has it; the code
 * round trip itself is phone-verification.integration.test.ts.
 */
export async function saveVerifiedPhone(db: Database, userId: string, phone: string) {
  await updateNotificationPreferences(db, userId, { phone });
  await db
    .update(notificationSettings)
    .set({ phoneVerified: true })
    .where(eq(notificationSettings.userId, userId));
}

/** A booking notice (SMS on by default for bookings), scheduled now. */
export async function bookingNotice(db: Database, userId: string, title: string, now: Date) {
  await db.transaction((tx) =>
    notify(tx, {
      userId,
      category: "booking_updates",
      type: "booking.confirmed",
      title,
      body: "Loft by the canal, 1 to 4 July.",
      link: "/trips/abc",
      outbound: {
        kind: "booking",
        payload: { title, body: "Loft by the canal, 1 to 4 July.", link: "/trips/abc" },
      },
      now,
    }),
  );
}

export const dispatchNow = (db: Database, deps: NotificationDeps, now: Date) =>
  dispatchDueDeliveries(db, deps, { now, log: silentLogger });
