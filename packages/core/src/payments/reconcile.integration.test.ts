import { type Database, payments, payouts, refunds } from "@hometrip/db";
import { type StripeStandIn, startStripeStandIn } from "@hometrip/devstack";
import {
  captureBookingPayment,
  createBookingPaymentIntent,
  createExpressAccount,
  createStripeClient,
  onboardingLink,
  refundBookingPayment,
  type Stripe,
} from "@hometrip/payments";
import { createTunnelledDatabase, type TunnelledDatabase, utcDaysFromToday } from "@hometrip/testkit";
import { paymentsFixture } from "@hometrip/testkit/payments";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import {
  applyConnectAccountState,
  formatDifference,
  reconcilePayments,
  releaseDuePayouts,
  saveHostPayoutAccount,
} from "./index.ts";

const secretKey = "sk_test_reconcile_0123456789";
let database: TunnelledDatabase;
let db: Database;
let standIn: StripeStandIn;
let stripe: Stripe;

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "core_reconcile" });
  db = database.db;
  standIn = await startStripeStandIn({ secretKey, publishableKey: "pk_test_reconcile_0123456789" });
  stripe = createStripeClient({ secretKey, apiBase: standIn.url, maxNetworkRetries: 0 });
});
afterAll(async () => {
  await standIn?.close();
  await database?.close();
});

const since = new Date(Date.now() - 3600_000);

describe("reconcilePayments", () => {
  it("finds nothing when both sides agree, then reports every planted difference", async () => {
    const { hostId, guestId, listingId, book } = await paymentsFixture(db);
    const account = await createExpressAccount(stripe, { hostId, email: "h@reconcile.test" });
    await saveHostPayoutAccount(db, hostId, account.id);
    const link = await onboardingLink(stripe, {
      accountId: account.id,
      returnUrl: "http://x.test/",
      refreshUrl: "http://x.test/",
    });
    await fetch(link, {
      method: "POST",
      body: new URLSearchParams({ action: "complete" }),
      redirect: "manual",
    });
    await applyConnectAccountState(db, await stripe.accounts.retrieve(account.id), new Date());

    const bookingId = await book(utcDaysFromToday(-3), utcDaysFromToday(2));
    const intent = await createBookingPaymentIntent(stripe, {
      bookingId,
      amount: 38_020,
      currency: "EUR",
      guestId,
      listingId,
    });
    await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    await captureBookingPayment(stripe, intent.id);
    const [payment] = await db
      .insert(payments)
      .values({
        bookingId,
        amount: 38_020,
        currency: "EUR",
        status: "partially_refunded",
        providerPaymentId: intent.id,
      })
      .returning();
    const [refund] = await db
      .insert(refunds)
      .values({ paymentId: payment!.id, amount: 5_000, currency: "EUR" })
      .returning();
    const stripeRefund = await refundBookingPayment(stripe, {
      refundId: refund!.id,
      paymentIntentId: intent.id,
      amount: 5_000,
      bookingId,
    });
    await db
      .update(refunds)
      .set({ status: "succeeded", providerRefundId: stripeRefund.id })
      .where(eq(refunds.id, refund!.id));
    await releaseDuePayouts(db, stripe, { now: new Date(), log: silentLogger });

    expect(await reconcilePayments(db, stripe, { since })).toEqual([]);

    const [payout] = await db.select().from(payouts).where(eq(payouts.bookingId, bookingId));
    await db
      .update(payouts)
      .set({ amount: payout!.amount + 1 })
      .where(eq(payouts.id, payout!.id));
    await db.update(refunds).set({ status: "pending" }).where(eq(refunds.id, refund!.id));
    const stray = await stripe.transfers.create({ amount: 777, currency: "eur", destination: account.id });

    const found = (await reconcilePayments(db, stripe, { since })).map(formatDifference).sort();
    expect(found).toEqual(
      [
        `refund ${refund!.id} (${stripeRefund.id}): status pending here, succeeded at Stripe`,
        `transfer ${payout!.id} (${payout!.providerTransferId}): amount ${payout!.amount + 1} here, ${payout!.amount} at Stripe`,
        `transfer ${stray.id}: transfer of 777 to ${account.id} at Stripe but no payout here`,
      ].sort(),
    );
  });
});
