import {
  type CategorySwitches,
  isLockedOn,
  type NotificationCategory,
  type NotificationChannel,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
  notificationCategories,
  notificationChannels,
} from "@hometrip/contracts";
import { type DbOrTx, notificationPreferences, notificationSettings, users } from "@hometrip/db";
import { eq, sql } from "drizzle-orm";

/**
 * What a new member gets: everything in the app; e-mail for what they would miss (messages,
 * bookings, reviews, security); push for the time-sensitive (messages, bookings); SMS only for
 * bookings and only once a phone is verified; tips are in-app only until asked for.
 */
export const defaultSwitches: CategorySwitches = {
  messages: { in_app: true, email: true, push: true, sms: false },
  booking_updates: { in_app: true, email: true, push: true, sms: true },
  reviews: { in_app: true, email: true, push: false, sms: false },
  account_security: { in_app: true, email: true, push: false, sms: false },
  tips: { in_app: true, email: false, push: false, sms: false },
};

function isCategory(value: string): value is NotificationCategory {
  return (notificationCategories as readonly string[]).includes(value);
}
function isChannel(value: string): value is NotificationChannel {
  return (notificationChannels as readonly string[]).includes(value);
}

export async function getNotificationPreferences(
  db: DbOrTx,
  userId: string,
): Promise<NotificationPreferences> {
  const [settings] = await db
    .select()
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const categories = structuredClone(defaultSwitches);
  for (const row of rows) {
    if (!isCategory(row.category) || !isChannel(row.channel)) continue;
    if (isLockedOn(row.category, row.channel)) continue;
    categories[row.category][row.channel] = row.enabled;
  }
  return {
    categories,
    quietHours:
      settings?.quietStart && settings.quietEnd
        ? { start: settings.quietStart, end: settings.quietEnd }
        : null,
    timeZone: settings?.timeZone ?? "UTC",
    phone: settings?.phone ?? null,
    phoneVerified: settings?.phoneVerified ?? false,
  };
}

export class LockedPreferenceError extends Error {
  constructor(
    readonly category: NotificationCategory,
    readonly channel: NotificationChannel,
  ) {
    super(`${category} ${channel} notifications cannot be turned off`);
  }
}

/** Applies a partial update; turning off a locked switch is refused, a changed phone is unverified again. */
export async function updateNotificationPreferences(
  db: DbOrTx,
  userId: string,
  update: NotificationPreferencesUpdate,
): Promise<NotificationPreferences> {
  const switches: { category: NotificationCategory; channel: NotificationChannel; enabled: boolean }[] = [];
  for (const [category, channels] of Object.entries(update.categories ?? {})) {
    for (const [channel, enabled] of Object.entries(channels ?? {})) {
      if (!isCategory(category) || !isChannel(channel) || enabled === undefined) continue;
      if (!enabled && isLockedOn(category, channel)) throw new LockedPreferenceError(category, channel);
      switches.push({ category, channel, enabled });
    }
  }
  if (switches.length > 0) {
    await db
      .insert(notificationPreferences)
      .values(switches.map((s) => ({ userId, ...s })))
      .onConflictDoUpdate({
        target: [
          notificationPreferences.userId,
          notificationPreferences.category,
          notificationPreferences.channel,
        ],
        set: { enabled: sql`excluded.enabled`, updatedAt: sql`now()` },
      });
  }
  const settings: Partial<typeof notificationSettings.$inferInsert> = {};
  if (update.timeZone !== undefined) settings.timeZone = update.timeZone;
  if (update.quietHours !== undefined) {
    settings.quietStart = update.quietHours?.start ?? null;
    settings.quietEnd = update.quietHours?.end ?? null;
  }
  // The settings form sends the number with every save: only a different number needs proving again.
  if (update.phone !== undefined) {
    const [current] = await db
      .select({ phone: notificationSettings.phone })
      .from(notificationSettings)
      .where(eq(notificationSettings.userId, userId));
    if ((current?.phone ?? null) !== update.phone) {
      settings.phone = update.phone;
      settings.phoneVerified = false;
    }
  }
  if (Object.keys(settings).length > 0) {
    await db
      .insert(notificationSettings)
      .values({ userId, ...settings })
      .onConflictDoUpdate({
        target: notificationSettings.userId,
        set: { ...settings, updatedAt: new Date() },
      });
  }
  return getNotificationPreferences(db, userId);
}

/** The switch a one-click unsubscribe turns off; never a locked one (no link is issued for those). */
export async function unsubscribeEmail(db: DbOrTx, userId: string, category: NotificationCategory) {
  if (isLockedOn(category, "email")) throw new LockedPreferenceError(category, "email");
  // A link can outlive its account; then there is nothing left to unsubscribe.
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) return;
  await updateNotificationPreferences(db, userId, { categories: { [category]: { email: false } } });
}
