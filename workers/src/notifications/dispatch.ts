import type { NotificationCategory, NotificationChannel } from "@hometrip/contracts";
import {
  afterQuietHours,
  claimDigestBatch,
  claimNextDueDelivery,
  deferDeliveries,
  describeError,
  dropPushSubscription,
  getNotificationPreferences,
  inQuietHours,
  type Logger,
  lastReadSeq,
  markDeliveries,
  pushSubscriptionsOf,
  smsNumber,
} from "@hometrip/core";
import {
  type Database,
  type NotificationDelivery,
  notificationDeliveries,
  type Tx,
  users,
} from "@hometrip/db";
import { eq, inArray } from "drizzle-orm";
import { composeEmail } from "./compose-email.tsx";
import { linkTo, type NotificationDeps } from "./deps.ts";
import { readPayload, shortText } from "./payload.ts";

export interface DispatchTotals {
  sent: number;
  skipped: number;
  deferred: number;
}

/**
 * Sends every due delivery, a batch (one member, channel and digest key) per transaction so a
 * failing send holds back only its own batch. Rows are locked with SKIP LOCKED: two sweeps never
 * send the same batch. A batch that throws outside a send (the database) stops the run; the next
 * scheduled run picks it up.
 */
export async function dispatchDueDeliveries(
  db: Database,
  deps: NotificationDeps,
  opts: { now: Date; log: Logger; maxBatches?: number },
): Promise<DispatchTotals> {
  const totals: DispatchTotals = { sent: 0, skipped: 0, deferred: 0 };
  for (let i = 0; i < (opts.maxBatches ?? 200); i++) {
    const outcome = await db.transaction(async (tx) => {
      const first = await claimNextDueDelivery(tx, opts.now);
      if (!first) return null;
      const batch = await claimDigestBatch(tx, first, opts.now);
      return sendBatch(tx, deps, batch, opts);
    });
    if (!outcome) break;
    totals[outcome] += 1;
  }
  return totals;
}

async function sendBatch(
  tx: Tx,
  deps: NotificationDeps,
  rows: NotificationDelivery[],
  opts: { now: Date; log: Logger },
): Promise<keyof DispatchTotals> {
  const first = rows[0] as NotificationDelivery;
  const ids = rows.map((r) => r.id);
  const skip = async (outcome: string, which = ids) => {
    await markDeliveries(tx, which, { status: "skipped", outcome, now: opts.now });
    return "skipped" as const;
  };
  const [user] = await tx
    .select({ id: users.id, email: users.email, displayName: users.displayName, status: users.status })
    .from(users)
    .where(eq(users.id, first.userId));
  if (!user || user.status === "deleted") return skip("no_recipient");

  const prefs = await getNotificationPreferences(tx, user.id);
  const category = first.category as NotificationCategory;
  if (!prefs.categories[category][first.channel as NotificationChannel]) return skip("switched_off");
  // Quiet hours chosen after the send was scheduled still apply: move it, never drop it.
  if (
    category !== "account_security" &&
    prefs.quietHours &&
    inQuietHours(opts.now, prefs.quietHours, prefs.timeZone)
  ) {
    const later = afterQuietHours(opts.now, prefs.quietHours, prefs.timeZone);
    await tx
      .update(notificationDeliveries)
      .set({ deliverAfter: later })
      .where(inArray(notificationDeliveries.id, ids));
    return "deferred";
  }

  let live = rows;
  if (first.kind === "message") {
    live = [];
    const seen: string[] = [];
    for (const row of rows) {
      const p = readPayload(row.payload);
      const read = p.conversationId ? await lastReadSeq(tx, user.id, p.conversationId) : 0;
      if (p.seq !== undefined && p.seq <= read) seen.push(row.id);
      else live.push(row);
    }
    if (seen.length > 0) await skip("read_live", seen);
    if (live.length === 0) return "skipped";
  }
  const liveIds = live.map((r) => r.id);
  try {
    const outcome = await sendOn(tx, deps, user, live, smsNumber(prefs));
    if ("skipped" in outcome) return skip(outcome.skipped, liveIds);
    await markDeliveries(tx, liveIds, { status: "sent", outcome: outcome.id, now: opts.now });
    opts.log.info("notification sent", {
      channel: first.channel,
      userId: user.id,
      deliveries: liveIds.length,
    });
    return "sent";
  } catch (error) {
    opts.log.warn("notification send failed", {
      channel: first.channel,
      userId: user.id,
      error: describeError(error),
    });
    await deferDeliveries(tx, live, error instanceof Error ? error.message : "send failed", opts.now);
    return "deferred";
  }
}

async function sendOn(
  tx: Tx,
  deps: NotificationDeps,
  user: { id: string; email: string; displayName: string },
  rows: NotificationDelivery[],
  phone: string | null,
): Promise<{ id: string } | { skipped: string }> {
  const first = rows[0] as NotificationDelivery;
  const payload = readPayload(first.payload);
  const title = rows.length > 1 ? `${rows.length} new notifications` : payload.title;
  const body =
    rows.length > 1 ? shortText(rows.map((r) => readPayload(r.payload).body).join(" · "), 180) : payload.body;
  switch (first.channel) {
    case "email": {
      const mail = await composeEmail(deps, user, rows);
      const sent = await deps.transport(tx).send({ to: user.email, ...mail, eventId: first.id });
      return { id: sent.id };
    }
    case "push": {
      if (!deps.push) return { skipped: "channel_off" };
      const subscriptions = await pushSubscriptionsOf(tx, user.id);
      if (subscriptions.length === 0) return { skipped: "no_subscription" };
      const message = JSON.stringify({
        title: shortText(title, 80),
        body: shortText(body, 180),
        url: linkTo(deps.appUrl, rows.length > 1 || !payload.link ? "/notifications" : payload.link),
        tag: first.digestKey ?? first.id,
      });
      let delivered = 0;
      for (const sub of subscriptions) {
        if ((await deps.push.send(sub, message)) === "gone") await dropPushSubscription(tx, sub.id);
        else delivered += 1;
      }
      return delivered > 0 ? { id: `push:${delivered}` } : { skipped: "subscriptions_expired" };
    }
    case "sms": {
      if (!deps.sms) return { skipped: "channel_off" };
      // Unset, or changed (unverified again) since the send was scheduled.
      if (!phone) return { skipped: "no_verified_phone" };
      const link = linkTo(deps.appUrl, rows.length > 1 || !payload.link ? "/notifications" : payload.link);
      const sent = await deps.sms.send(phone, `HomeTrip: ${shortText(`${title}. ${body}`, 120)} ${link}`);
      return { id: sent.sid };
    }
    default:
      return { skipped: "unknown_channel" };
  }
}
