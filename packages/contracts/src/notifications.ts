import * as z from "zod";
import { zText, zTimeZone } from "./input-bounds.ts";

export const notificationCategories = [
  "messages",
  "booking_updates",
  "reviews",
  "account_security",
  "tips",
] as const;
export type NotificationCategory = (typeof notificationCategories)[number];
export const zNotificationCategory = z.enum(notificationCategories);

export const notificationChannels = ["in_app", "email", "push", "sms"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];
export const zNotificationChannel = z.enum(notificationChannels);

/** Channels a member may switch per category. */
export type ChannelSwitches = Record<NotificationChannel, boolean>;
export type CategorySwitches = Record<NotificationCategory, ChannelSwitches>;

/**
 * Choices that cannot be turned off: a member must hear about sign-ins, password changes and
 * resets at their address (someone else may be in the account), and the in-app list is the record.
 */
export const lockedOn: ReadonlyArray<{ category: NotificationCategory; channel: NotificationChannel }> = [
  { category: "account_security", channel: "email" },
  { category: "account_security", channel: "in_app" },
];

export function isLockedOn(category: NotificationCategory, channel: NotificationChannel): boolean {
  return lockedOn.some((l) => l.category === category && l.channel === channel);
}

/** `HH:MM`, 24-hour local time. */
export const zLocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "must be a time such as 22:00" });

export const zQuietHours = z
  .object({ start: zLocalTime, end: zLocalTime })
  .refine((q) => q.start !== q.end, { message: "start and end must differ", path: ["end"] });
export type QuietHours = z.output<typeof zQuietHours>;

/** E.164: a plus, a country code that does not start with 0, at most 15 digits. */
export const zE164Phone = zText({ max: 16, min: 2 }).regex(/^\+[1-9]\d{1,14}$/, {
  message: "must be an international number such as +14155550123",
});

/** The code texted to prove a phone: six digits, spaces the member may type between them dropped. */
export const zPhoneCode = zText({ max: 32, min: 1 })
  .transform((value) => value.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { message: "must be the 6-digit code from the text" }));

const zSwitches = z.object(
  Object.fromEntries(notificationChannels.map((c) => [c, z.boolean()])) as Record<
    NotificationChannel,
    z.ZodBoolean
  >,
);

export const zNotificationPreferences = z.object({
  categories: z.object(
    Object.fromEntries(notificationCategories.map((c) => [c, zSwitches])) as Record<
      NotificationCategory,
      typeof zSwitches
    >,
  ),
  quietHours: zQuietHours.nullable(),
  timeZone: zTimeZone,
  phone: zE164Phone.nullable(),
  phoneVerified: z.boolean(),
});
export type NotificationPreferences = z.output<typeof zNotificationPreferences>;

/** A partial update: only the switches named change; `null` clears quiet hours or the phone. */
export const zNotificationPreferencesUpdate = z.object({
  categories: z
    .partialRecord(zNotificationCategory, z.partialRecord(zNotificationChannel, z.boolean()))
    .optional(),
  quietHours: zQuietHours.nullable().optional(),
  timeZone: zTimeZone.optional(),
  phone: zE164Phone.nullable().optional(),
});
export type NotificationPreferencesUpdate = z.output<typeof zNotificationPreferencesUpdate>;

/** An endpoint a push service gave the browser: https, or plain http only on a loopback stand-in. */
export const zPushEndpoint = zText({ max: 1024, min: 12 }).refine(
  (value) => {
    try {
      const url = new URL(value);
      if (url.username || url.password) return false;
      return (
        url.protocol === "https:" ||
        (url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname))
      );
    } catch {
      return false;
    }
  },
  { message: "must be an https URL" },
);

/** base64url as browsers give `PushSubscription.toJSON().keys`: p256dh is 65 bytes, auth 16. */
const base64Url = (min: number, max: number) =>
  zText({ max, min }).regex(/^[A-Za-z0-9_-]+={0,2}$/, { message: "must be base64url" });

export const zPushSubscription = z.object({
  endpoint: zPushEndpoint,
  keys: z.object({ p256dh: base64Url(80, 100), auth: base64Url(16, 32) }),
});
export type PushSubscriptionInput = z.output<typeof zPushSubscription>;

export const zNotificationItem = z.object({
  id: z.uuid(),
  type: z.string(),
  category: zNotificationCategory,
  title: z.string(),
  body: z.string(),
  /** Where the bell sends the member: a path in the web app. */
  link: z.string().nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type NotificationItem = z.output<typeof zNotificationItem>;
