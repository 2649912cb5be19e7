import type { PushSubscriptionInput } from "@hometrip/contracts";
import { type DbOrTx, pushSubscriptions } from "@hometrip/db";
import { and, count, eq } from "drizzle-orm";

/** A member's browsers; a few is normal, dozens is a script. */
export const maxPushSubscriptionsPerUser = 20;

export class TooManyPushSubscriptionsError extends Error {}

/**
 * The endpoint is unique: a browser that signs in as another member moves its subscription to
 * them (the push service gave the endpoint to that browser, not to an account).
 */
export async function savePushSubscription(db: DbOrTx, userId: string, sub: PushSubscriptionInput) {
  const [row] = await db
    .select({ n: count() })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId));
  if ((row?.n ?? 0) >= maxPushSubscriptionsPerUser) throw new TooManyPushSubscriptionsError();
  await db
    .insert(pushSubscriptions)
    .values({ userId, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { userId, p256dh: sub.keys.p256dh, auth: sub.keys.auth },
    });
}

export async function removePushSubscription(db: DbOrTx, userId: string, endpoint: string): Promise<boolean> {
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ id: pushSubscriptions.id });
  return removed.length > 0;
}

export async function pushSubscriptionsOf(db: DbOrTx, userId: string) {
  return db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
}

/** The push service said the subscription is gone (404/410): never send to it again. */
export async function dropPushSubscription(db: DbOrTx, id: string): Promise<void> {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
}
