import { type Database, outbox, payouts } from "@hometrip/db";
import { type StripeStandIn, startStripeStandIn } from "@hometrip/devstack";
import { createExpressAccount, createStripeClient, onboardingLink, type Stripe } from "@hometrip/payments";
import { createTunnelledDatabase, type TunnelledDatabase, utcDaysFromToday } from "@hometrip/testkit";
import { paymentsFixture } from "@hometrip/testkit/payments";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import { applyConnectAccountState, releaseDuePayouts, saveHostPayoutAccount } from "./index.ts";

const secretKey = "sk_test_payouts_0123456789";
let database: TunnelledDatabase;
let db: Database;
let standIn: StripeStandIn;
let stripe: Stripe;

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "core_payouts" });
  db = database.db;
  standIn = await startStripeStandIn({ secretKey, publishableKey: "pk_test_payouts_0123456789" });
  stripe = createStripeClient({ secretKey, apiBase: standIn.url, maxNetworkRetries: 0 });
});
afterAll(async () => {
  await standIn?.close();
  await database?.close();
});

/** A host whose Stripe account finished onboarding, with a stay that started three days ago. */
async function hostWithPastStay(opts: { onboarded?: boolean } = {}) {
  const fixture = await paymentsFixture(db);
  const account = await createExpressAccount(stripe, { hostId: fixture.hostId, email: "h@payouts.test" });
  await saveHostPayoutAccount(db, fixture.hostId, account.id);
  if (opts.onboarded !== false) {
    const url = await onboardingLink(stripe, {
      accountId: account.id,
      returnUrl: "http://x.test/",
      refreshUrl: "http://x.test/",
    });
    await fetch(url, {
      method: "POST",
      body: new URLSearchParams({ action: "complete" }),
      redirect: "manual",
    });
    await applyConnectAccountState(db, await stripe.accounts.retrieve(account.id), new Date());
  }
  const bookingId = await fixture.book(utcDaysFromToday(-3), utcDaysFromToday(2));
  return { ...fixture, bookingId, accountId: account.id };
}

const transfersOf = async (bookingId: string) =>
  (await stripe.transfers.list({ transfer_group: bookingId })).data;
const payoutOf = async (bookingId: string) =>
  (await db.select().from(payouts).where(eq(payouts.bookingId, bookingId)))[0];
const run = (extra: Partial<Parameters<typeof releaseDuePayouts>[2]> = {}) =>
  releaseDuePayouts(db, stripe, { now: new Date(), log: silentLogger, ...extra });

describe("releaseDuePayouts", () => {
  it("pays the host's share 24 h after check-in, exactly once across repeated and overlapping runs", async () => {
    const { bookingId, accountId } = await hostWithPastStay();
    const future = await (await paymentsFixture(db)).book(utcDaysFromToday(1), utcDaysFromToday(4));
    await Promise.all([run(), run()]);
    await run();
    const transfers = await transfersOf(bookingId);
    expect(transfers).toHaveLength(1);
    // total 38 020 − service fee 3 920 − taxes 3 100 − host fee 0
    expect(transfers[0]).toMatchObject({ amount: 31_000, destination: accountId, currency: "eur" });
    expect(await payoutOf(bookingId)).toMatchObject({ status: "paid", providerTransferId: transfers[0]!.id });
    expect(await payoutOf(future)).toBeUndefined();
    const released = await db
      .select()
      .from(outbox)
      .where(sql`${outbox.payload}->>'bookingId' = ${bookingId}`);
    expect(released.map((r) => r.eventType)).toEqual(["payment.payout_released"]);
  });

  it("pays once when the run dies between Stripe's answer and the database update", async () => {
    const { bookingId } = await hostWithPastStay();
    const crashed = run({
      afterTransfer: async () => {
        throw new Error("killed after the transfer");
      },
    });
    await expect(crashed).rejects.toThrow("killed after the transfer");
    expect(await payoutOf(bookingId)).toMatchObject({ status: "in_transit", providerTransferId: null });
    expect(await transfersOf(bookingId)).toHaveLength(1);

    // Within the lease nobody touches it; after it, the next run finishes the same transfer.
    await run();
    expect((await payoutOf(bookingId))?.status).toBe("in_transit");
    await run({ leaseMs: 0 });
    const transfers = await transfersOf(bookingId);
    expect(transfers).toHaveLength(1);
    expect(await payoutOf(bookingId)).toMatchObject({ status: "paid", providerTransferId: transfers[0]!.id });
  });

  it("waits for a host who has not finished payout setup, and pays others meanwhile", async () => {
    const waiting = await hostWithPastStay({ onboarded: false });
    const ready = await hostWithPastStay();
    const totals = await run();
    expect(totals.waiting_for_host).toBeGreaterThanOrEqual(1);
    expect(await payoutOf(waiting.bookingId)).toMatchObject({
      status: "scheduled",
      failureReason: "host payouts are not enabled yet",
    });
    expect(await transfersOf(waiting.bookingId)).toHaveLength(0);
    expect((await payoutOf(ready.bookingId))?.status).toBe("paid");
  });
});
