import { type Database, outbox, payments, payouts, refunds, stripeEvents } from "@hometrip/db";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { paymentsFixture } from "@hometrip/testkit/payments";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyConnectAccountState,
  applyStripeChargeRefunded,
  applyStripeRefund,
  applyStripeTransfer,
  hostCanReceivePayouts,
  hostPayoutStatus,
  recordStripeEvent,
  saveHostPayoutAccount,
} from "./index.ts";

let database: TunnelledDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "core_payments" });
  db = database.db;
});
afterAll(() => database?.close());

const event = (id: string, type = "account.updated") => ({
  id,
  type,
  created: Math.floor(Date.now() / 1000),
  account: "acct_1",
  data: { object: { id: "acct_1", object: "account" } },
});

describe("recordStripeEvent", () => {
  it("stores an event and its outbox row once, however often Stripe delivers it", async () => {
    const id = `evt_${crypto.randomUUID()}`;
    expect(await recordStripeEvent(db, event(id))).toBe("recorded");
    expect(await recordStripeEvent(db, event(id))).toBe("duplicate");
    const stored = await db.select().from(stripeEvents).where(eq(stripeEvents.id, id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ type: "account.updated", objectId: "acct_1", account: "acct_1" });
    const rows = (await db.select().from(outbox)).filter(
      (r) => (r.payload as { stripeEventId?: string }).stripeEventId === id,
    );
    expect(rows.map((r) => r.eventType)).toEqual(["payment.stripe_event_received"]);
  });
});

describe("host payout accounts", () => {
  it("enables payouts from account state and ignores an older state arriving late", async () => {
    const { hostId } = await paymentsFixture(db);
    expect(await hostCanReceivePayouts(db, hostId)).toBe(false);
    const accountId = `acct_${crypto.randomUUID().slice(0, 8)}`;
    await saveHostPayoutAccount(db, hostId, accountId);
    const state = (enabled: boolean) => ({
      id: accountId,
      charges_enabled: enabled,
      payouts_enabled: enabled,
      details_submitted: true,
    });
    const now = Date.now();
    expect(await applyConnectAccountState(db, state(true), new Date(now))).toBe(true);
    expect(await applyConnectAccountState(db, state(false), new Date(now - 60_000))).toBe(false);
    expect(await hostCanReceivePayouts(db, hostId)).toBe(true);
    expect(await hostPayoutStatus(db, hostId)).toEqual({
      accountId,
      chargesEnabled: true,
      payoutsEnabled: true,
      detailsSubmitted: true,
    });
  });

  it("answers false for someone who never became a host", async () => {
    expect(await hostCanReceivePayouts(db, crypto.randomUUID())).toBe(false);
  });
});

describe("refunds, charges and transfers from Stripe", () => {
  it("moves a refund row to Stripe's status and never back to pending", async () => {
    const { book } = await paymentsFixture(db);
    const bookingId = await book(utcDaysFromToday(10), utcDaysFromToday(12));
    const [payment] = await db
      .insert(payments)
      .values({
        bookingId,
        amount: 38_020,
        currency: "EUR",
        status: "succeeded",
        providerPaymentId: `pi_${bookingId}`,
      })
      .returning();
    const [refund] = await db
      .insert(refunds)
      .values({ paymentId: payment!.id, amount: 10_000, currency: "EUR" })
      .returning();
    const stripeRefund = { id: `re_${refund!.id}`, metadata: { refundId: refund!.id } };
    expect(await applyStripeRefund(db, { ...stripeRefund, status: "succeeded" })).toBe(1);
    await applyStripeRefund(db, { ...stripeRefund, status: "pending" });
    const [after] = await db.select().from(refunds).where(eq(refunds.id, refund!.id));
    expect(after).toMatchObject({ status: "succeeded", providerRefundId: stripeRefund.id });

    const charge = { payment_intent: `pi_${bookingId}`, amount_captured: 38_020 };
    await applyStripeChargeRefunded(db, { ...charge, amount_refunded: 38_020 });
    await applyStripeChargeRefunded(db, { ...charge, amount_refunded: 10_000 });
    const [paid] = await db.select().from(payments).where(eq(payments.id, payment!.id));
    expect(paid!.status).toBe("refunded");
  });

  it("marks a payout paid from transfer.created and records reversals, whatever the order", async () => {
    const { book, hostId } = await paymentsFixture(db);
    const bookingId = await book(utcDaysFromToday(-3), utcDaysFromToday(2));
    const [payout] = await db
      .insert(payouts)
      .values({
        hostId,
        bookingId,
        amount: 31_000,
        currency: "EUR",
        status: "in_transit",
        scheduledFor: utcDaysFromToday(-2),
      })
      .returning();
    const transfer = {
      id: `tr_${payout!.id.slice(0, 8)}`,
      created: Math.floor(Date.now() / 1000),
      amount: 31_000,
      metadata: { payoutId: payout!.id },
    };
    await applyStripeTransfer(db, { ...transfer, amount_reversed: 5_000, reversed: false });
    await applyStripeTransfer(db, { ...transfer, amount_reversed: 0, reversed: false });
    const [after] = await db.select().from(payouts).where(eq(payouts.id, payout!.id));
    expect(after).toMatchObject({ status: "paid", providerTransferId: transfer.id, reversedAmount: 5_000 });
    expect(after!.paidAt).not.toBeNull();
    await applyStripeTransfer(db, { ...transfer, amount_reversed: 31_000, reversed: true });
    const [reversed] = await db.select().from(payouts).where(eq(payouts.id, payout!.id));
    expect(reversed).toMatchObject({ status: "cancelled", reversedAmount: 31_000 });
  });
});
