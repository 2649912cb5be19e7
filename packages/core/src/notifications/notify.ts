import type {
  NotificationCategory,
  NotificationChannel,
  NotificationItem,
  NotificationPreferences,
} from "@hometrip/contracts";
import { type DbOrTx, notificationDeliveries, notifications, pushSubscriptions } from "@hometrip/db";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { recordEvent } from "../events/record-event.ts";
import { getNotificationPreferences } from "./preferences.ts";
import { afterQuietHours } from "./quiet-hours.ts";

export const outboundChannels = ["email", "push", "sms"] as const satisfies readonly NotificationChannel[];
export type OutboundChannel = (typeof outboundChannels)[number];

export interface NotifyInput {
  userId: string;
  category: NotificationCategory;
  /** Dotted name of what happened, e.g. `message.received`, `booking.confirmed`. */
  type: string;
  title: string;
  body: string;
  /** Path in the web app the notification opens. */
  link: string | null;
  /** Template and its data for e-mail, push and SMS; rendered when the send leaves. */
  outbound: {
    kind: string;
    payload: Record<string, unknown>;
    /** Only these outbound channels (default: all); `[]` when the caller sends the mail itself. */
    channels?: OutboundChannel[];
    /** Rows sharing a key that fall due together leave as one digest. */
    digestKey?: string;
    /** Hold sends back this long (the away rule for messages). */
    delayMs?: number;
    /** After a send for the digest key, the next waits at least this long (bursts become one digest). */
    digestWindowMs?: number;
  };
  now: Date;
}

export interface NotifyResult {
  /** The stored in-app notification; null when in-app is off. */
  notification: NotificationItem | null;
  scheduled: { channel: OutboundChannel; deliverAfter: Date }[];
}

/**
 * Stores the in-app notification (with its `notification.created` event, which puts it into the
 * member's open tabs after commit) and schedules each outbound channel the member has switched on
 * for the category, in the caller's transaction (the event handler's, so a redelivered event adds
 * nothing). Quiet hours move a send to their end in the member's zone; nothing is dropped.
 */
export async function notify(tx: DbOrTx, input: NotifyInput): Promise<NotifyResult> {
  const prefs = await getNotificationPreferences(tx, input.userId);
  const switches = prefs.categories[input.category];
  let notification: NotificationItem | null = null;
  if (switches.in_app) {
    const [row] = await tx
      .insert(notifications)
      .values({
        userId: input.userId,
        type: input.type,
        category: input.category,
        title: input.title,
        body: input.body,
        data: { link: input.link, ...pick(input.outbound.payload, ["conversationId", "bookingId"]) },
        createdAt: input.now,
      })
      .returning();
    if (row) {
      notification = {
        id: row.id,
        type: row.type,
        category: input.category,
        title: row.title,
        body: row.body,
        link: input.link,
        readAt: null,
        createdAt: row.createdAt.toISOString(),
      };
      // Pushed live to the member's user room only once this transaction has committed
      // (core/realtime/room-deliveries.ts): a rolled-back notification is never seen.
      const { readAt: _unread, ...item } = notification;
      await recordEvent(tx, "notification.created", { userId: input.userId, notification: item });
    }
  }
  const scheduled: NotifyResult["scheduled"] = [];
  for (const channel of outboundChannels) {
    if (!switches[channel]) continue;
    if (input.outbound.channels && !input.outbound.channels.includes(channel)) continue;
    // Only a number the member proved they receive texts at: anyone can type a stranger's number.
    if (channel === "sms" && !smsNumber(prefs)) continue;
    if (channel === "push" && !(await hasPushSubscription(tx, input.userId))) continue;
    let deliverAfter = new Date(input.now.getTime() + (input.outbound.delayMs ?? 0));
    const digestKey = input.outbound.digestKey ?? null;
    if (digestKey) deliverAfter = await digestTime(tx, input, channel, digestKey, deliverAfter);
    // Security mail is awaited (a reset link) or urgent (a password changed): quiet hours do not hold it.
    if (input.category !== "account_security")
      deliverAfter = afterQuietHours(deliverAfter, prefs.quietHours, prefs.timeZone);
    await tx.insert(notificationDeliveries).values({
      userId: input.userId,
      notificationId: notification?.id ?? null,
      category: input.category,
      channel,
      kind: input.outbound.kind,
      digestKey,
      payload: input.outbound.payload,
      deliverAfter,
      createdAt: input.now,
    });
    scheduled.push({ channel, deliverAfter });
  }
  return { notification, scheduled };
}

/**
 * A send joins a batch already waiting under its digest key (it leaves with it), and a new batch
 * waits out the digest window after the last one sent, so a burst of messages is one e-mail.
 */
async function digestTime(
  tx: DbOrTx,
  input: NotifyInput,
  channel: OutboundChannel,
  digestKey: string,
  earliest: Date,
): Promise<Date> {
  const sameKey = and(
    eq(notificationDeliveries.userId, input.userId),
    eq(notificationDeliveries.channel, channel),
    eq(notificationDeliveries.digestKey, digestKey),
  );
  const [waiting] = await tx
    .select({ deliverAfter: notificationDeliveries.deliverAfter })
    .from(notificationDeliveries)
    .where(and(sameKey, eq(notificationDeliveries.status, "pending")))
    .orderBy(notificationDeliveries.deliverAfter)
    .limit(1);
  if (waiting) return waiting.deliverAfter;
  const [lastSent] = await tx
    .select({ sentAt: notificationDeliveries.sentAt })
    .from(notificationDeliveries)
    .where(and(sameKey, eq(notificationDeliveries.status, "sent"), isNotNull(notificationDeliveries.sentAt)))
    .orderBy(desc(notificationDeliveries.sentAt))
    .limit(1);
  const window = input.outbound.digestWindowMs ?? 0;
  const reopen = lastSent?.sentAt ? lastSent.sentAt.getTime() + window : 0;
  return new Date(Math.max(earliest.getTime(), reopen));
}

/** The number texts may go to: the saved phone once verified, else none. */
export function smsNumber(prefs: Pick<NotificationPreferences, "phone" | "phoneVerified">): string | null {
  return prefs.phone && prefs.phoneVerified ? prefs.phone : null;
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

async function hasPushSubscription(tx: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .limit(1);
  return Boolean(row);
}
