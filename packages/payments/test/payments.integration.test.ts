import { type StripeStandIn, startStripeStandIn, stripeSignatureHeader } from "@hometrip/devstack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cancelBookingPayment,
  captureBookingPayment,
  createBookingPaymentIntent,
  createExpressAccount,
  createStripeClient,
  createTransfer,
  loginLink,
  onboardingLink,
  paymentFailureOf,
  refundBookingPayment,
  retrieveAccount,
  reverseTransfer,
  type Stripe,
  verifyStripeWebhook,
  WebhookSignatureError,
} from "../src/index.ts";

const secretKey = "sk_test_payments_0123456789";
let standIn: StripeStandIn;
let stripe: Stripe;

beforeAll(async () => {
  standIn = await startStripeStandIn({ secretKey, publishableKey: "pk_test_payments_0123456789" });
  stripe = createStripeClient({ secretKey, apiBase: standIn.url });
});
afterAll(() => standIn.close());

const booking = (bookingId: string) => ({
  bookingId,
  amount: 61_900,
  currency: "EUR",
  guestId: "guest-1",
  listingId: "listing-1",
});

describe("booking payments", () => {
  it("creates one intent per booking, however often it is asked", async () => {
    const first = await createBookingPaymentIntent(stripe, booking("bk-1"));
    const again = await createBookingPaymentIntent(stripe, booking("bk-1"));
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ capture_method: "manual", currency: "eur", transfer_group: "bk-1" });
    expect(first.metadata).toMatchObject({ bookingId: "bk-1" });
  });

  it("captures once even when asked twice, then refunds partially by refund row", async () => {
    const intent = await createBookingPaymentIntent(stripe, booking("bk-2"));
    await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    expect((await captureBookingPayment(stripe, intent.id)).status).toBe("succeeded");
    expect((await captureBookingPayment(stripe, intent.id)).status).toBe("succeeded");
    const refund = { refundId: "rf-1", paymentIntentId: intent.id, amount: 20_000, bookingId: "bk-2" };
    const first = await refundBookingPayment(stripe, refund);
    const retried = await refundBookingPayment(stripe, refund);
    expect(retried.id).toBe(first.id);
    expect((await stripe.refunds.list({ payment_intent: intent.id })).data).toHaveLength(1);
  });

  it("cancels a hold once; capturing a canceled intent still fails", async () => {
    const intent = await createBookingPaymentIntent(stripe, booking("bk-3"));
    await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    expect((await cancelBookingPayment(stripe, intent.id)).status).toBe("canceled");
    expect((await cancelBookingPayment(stripe, intent.id, "requested_by_customer")).status).toBe("canceled");
    const error = await captureBookingPayment(stripe, intent.id).catch((e) => e);
    expect(paymentFailureOf(error)?.kind).toBe("unexpected_state");
  });

  it("classifies a declined card", async () => {
    const intent = await createBookingPaymentIntent(stripe, booking("bk-4"));
    const error = await stripe.paymentIntents
      .confirm(intent.id, { payment_method: "pm_card_chargeDeclinedInsufficientFunds" })
      .catch((e) => e);
    expect(paymentFailureOf(error)).toMatchObject({
      kind: "card_declined",
      declineCode: "insufficient_funds",
    });
    expect(paymentFailureOf(new Error("boom"))).toBeUndefined();
  });
});

describe("Connect", () => {
  it("onboards a host, pays them once per payout and reverses part of it", async () => {
    const account = await createExpressAccount(stripe, { hostId: "host-1", email: "h@example.com" });
    expect((await createExpressAccount(stripe, { hostId: "host-1", email: "h@example.com" })).id).toBe(
      account.id,
    );
    const url = await onboardingLink(stripe, {
      accountId: account.id,
      returnUrl: "http://localhost:3000/host/payouts",
      refreshUrl: "http://localhost:3000/host/payouts?refresh=1",
    });
    await fetch(url, {
      method: "POST",
      body: new URLSearchParams({ action: "complete" }),
      redirect: "manual",
    });
    expect((await retrieveAccount(stripe, account.id)).payouts_enabled).toBe(true);
    expect(await loginLink(stripe, account.id)).toContain("/standin/dashboard/");

    const payout = {
      payoutId: "po-1",
      bookingId: "bk-9",
      hostId: "host-1",
      destination: account.id,
      amount: 50_000,
      currency: "EUR",
    };
    const transfer = await createTransfer(stripe, payout);
    expect((await createTransfer(stripe, payout)).id).toBe(transfer.id);
    expect((await stripe.transfers.list({ transfer_group: "bk-9" })).data).toHaveLength(1);
    const reversal = await reverseTransfer(stripe, {
      transferId: transfer.id,
      reversalId: "rv-1",
      amount: 5_000,
    });
    expect(
      (await reverseTransfer(stripe, { transferId: transfer.id, reversalId: "rv-1", amount: 5_000 })).id,
    ).toBe(reversal.id);
    expect((await stripe.transfers.retrieve(transfer.id)).amount_reversed).toBe(5_000);
  });
});

describe("webhook verification", () => {
  const secrets = ["whsec_platform_0123456789", "whsec_connect_0123456789"];
  const body = JSON.stringify({
    id: "evt_1",
    object: "event",
    type: "account.updated",
    data: { object: {} },
  });
  const now = () => Math.floor(Date.now() / 1000);

  it("accepts a delivery signed with any configured secret", async () => {
    for (const secret of secrets) {
      const event = await verifyStripeWebhook(body, stripeSignatureHeader(body, secret, now()), secrets);
      expect(event.id).toBe("evt_1");
    }
  });

  it("refuses forged, tampered, replayed and unsigned deliveries", async () => {
    const forged = stripeSignatureHeader(body, "whsec_attacker_000000000", now());
    const replayed = stripeSignatureHeader(body, secrets[0]!, now() - 301);
    const signed = stripeSignatureHeader(body, secrets[0]!, now());
    for (const [raw, header] of [
      [body, forged],
      [body, replayed],
      [body.replace("evt_1", "evt_2"), signed],
      [body, null],
    ] as const) {
      await expect(verifyStripeWebhook(raw, header, secrets)).rejects.toBeInstanceOf(WebhookSignatureError);
    }
    // Judged at the time given: the same delivery is fresh at its own time and stale 301 s later.
    const at = now();
    const header = stripeSignatureHeader(body, secrets[0]!, at);
    await expect(
      verifyStripeWebhook(body, header, secrets, { now: new Date(at * 1000) }),
    ).resolves.toBeDefined();
    await expect(
      verifyStripeWebhook(body, header, secrets, { now: new Date((at + 301) * 1000) }),
    ).rejects.toThrow(/tolerance/);
  });
});
