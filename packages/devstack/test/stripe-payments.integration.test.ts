import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StripeStandIn } from "../src/stripe/index.ts";
import { PUBLISHABLE_KEY, SECRET_KEY, sdkFor, startStandIn } from "./stripe-fixture.ts";

let standIn: StripeStandIn;
let stripe: Stripe;

beforeAll(async () => {
  standIn = await startStandIn();
  stripe = sdkFor(standIn);
});
afterAll(() => standIn.close());

const bookingIntent = (bookingId: string, extra: Partial<Stripe.PaymentIntentCreateParams> = {}) =>
  stripe.paymentIntents.create(
    { amount: 48_250, currency: "eur", capture_method: "manual", metadata: { bookingId }, ...extra },
    { idempotencyKey: `booking:${bookingId}:intent` },
  );

describe("payment intents through the real SDK", () => {
  it("holds with a test card, then captures", async () => {
    const created = await bookingIntent("b-1");
    expect(created).toMatchObject({ status: "requires_payment_method", amount: 48_250, currency: "eur" });
    expect(created.metadata).toEqual({ bookingId: "b-1" });
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_`));

    const held = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" });
    expect(held).toMatchObject({ status: "requires_capture", amount_capturable: 48_250 });
    const captured = await stripe.paymentIntents.capture(created.id);
    expect(captured).toMatchObject({ status: "succeeded", amount_received: 48_250 });
    const charge = await stripe.charges.retrieve(String(captured.latest_charge));
    expect(charge).toMatchObject({ captured: true, amount_captured: 48_250 });
  });

  it("lets a browser confirm with the publishable key and client secret, and nothing else", async () => {
    const created = await bookingIntent("b-browser");
    const browser = sdkFor(standIn, PUBLISHABLE_KEY);
    const confirmed = await browser.paymentIntents.confirm(created.id, {
      client_secret: created.client_secret,
      payment_method_data: {
        type: "card",
        card: { number: "4242424242424242", exp_month: 12, exp_year: 2040 },
      },
    } as Stripe.PaymentIntentConfirmParams);
    expect(confirmed.status).toBe("requires_capture");
    await expect(browser.paymentIntents.retrieve(created.id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(browser.paymentIntents.cancel(created.id)).rejects.toMatchObject({ statusCode: 401 });
  });

  it("answers a browser's preflight and cross-origin calls on /v1 as api.stripe.com does", async () => {
    const created = await bookingIntent("b-cors");
    const url = `${standIn.url}/v1/payment_intents/${created.id}/confirm`;
    const preflight = await fetch(url, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:3000",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type, x-forwarded-for",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toBe(
      "authorization, content-type, x-forwarded-for",
    );
    const confirmed = await fetch(url, {
      method: "POST",
      headers: {
        origin: "http://localhost:3000",
        authorization: `Bearer ${PUBLISHABLE_KEY}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        client_secret: String(created.client_secret),
        "payment_method_data[type]": "card",
        "payment_method_data[card][number]": "4242424242424242",
      }),
    });
    expect(confirmed.headers.get("access-control-allow-origin")).toBe("*");
    expect(await confirmed.json()).toMatchObject({ status: "requires_capture" });
  });

  it.each([
    ["pm_card_chargeDeclined", "generic_decline"],
    ["pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds"],
  ])("declines %s with a card error saying %s", async (pm, declineCode) => {
    const created = await bookingIntent(`b-${pm}`);
    const error = await stripe.paymentIntents.confirm(created.id, { payment_method: pm }).catch((e) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ statusCode: 402, code: "card_declined", decline_code: declineCode });
    const after = await stripe.paymentIntents.retrieve(created.id);
    expect(after.status).toBe("requires_payment_method");
    expect(after.last_payment_error?.decline_code).toBe(declineCode);
  });

  it("keeps a declined intent confirmable: another card on the same intent then holds it", async () => {
    const created = await bookingIntent("b-retry");
    await stripe.paymentIntents
      .confirm(created.id, { payment_method: "pm_card_chargeDeclined" })
      .catch(() => null);
    const declined = await stripe.paymentIntents.retrieve(created.id);
    expect(declined).toMatchObject({ status: "requires_payment_method", payment_method: null });
    expect(declined.last_payment_error).toMatchObject({
      code: "card_declined",
      decline_code: "generic_decline",
    });
    const held = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" });
    expect(held).toMatchObject({ id: created.id, status: "requires_capture", amount_capturable: 48_250 });
    expect(held.last_payment_error).toBeNull();
  });

  it("declines card number 4000000000000002 given as payment_method_data", async () => {
    const created = await bookingIntent("b-number-decline");
    const error = await stripe.paymentIntents
      .confirm(created.id, {
        payment_method_data: { type: "card", card: { number: "4000000000000002" } },
      } as Stripe.PaymentIntentConfirmParams)
      .catch((e) => e);
    expect(error).toMatchObject({ type: "StripeCardError", decline_code: "generic_decline" });
  });

  it.each([
    ["approve", "requires_capture"],
    ["fail", "requires_payment_method"],
  ])("asks for authentication; %s on the stand-in's page → %s", async (action, status) => {
    const created = await bookingIntent(`b-3ds-${action}`);
    const pending = await stripe.paymentIntents.confirm(created.id, {
      payment_method: "pm_card_authenticationRequired",
      return_url: "http://localhost:3000/checkout/done",
    });
    expect(pending.status).toBe("requires_action");
    const challenge = pending.next_action?.redirect_to_url?.url ?? "";
    expect(await (await fetch(challenge)).text()).toContain("Complete authentication");
    const answer = await fetch(challenge, {
      method: "POST",
      body: new URLSearchParams({ action }),
      redirect: "manual",
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toContain(`payment_intent=${created.id}`);
    expect((await stripe.paymentIntents.retrieve(created.id)).status).toBe(status);
    expect((await fetch(challenge)).status).toBe(404);
  });

  it("cancels a held payment and refuses to cancel a captured one", async () => {
    const held = await bookingIntent("b-cancel", { confirm: true, payment_method: "pm_card_visa" });
    const canceled = await stripe.paymentIntents.cancel(held.id, { cancellation_reason: "abandoned" });
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" });
    const paid = await stripe.paymentIntents.create({
      amount: 500,
      currency: "eur",
      confirm: true,
      payment_method: "pm_card_visa",
    });
    expect(paid.status).toBe("succeeded");
    await expect(stripe.paymentIntents.cancel(paid.id)).rejects.toMatchObject({
      statusCode: 400,
      code: "payment_intent_unexpected_state",
    });
  });

  it("updates amount and metadata before confirmation", async () => {
    const created = await bookingIntent("b-update");
    const updated = await stripe.paymentIntents.update(created.id, {
      amount: 50_000,
      metadata: { quote: "q2" },
    });
    expect(updated.amount).toBe(50_000);
    expect(updated.metadata).toEqual({ bookingId: "b-update", quote: "q2" });
  });
});

describe("idempotency, errors and Stripe-Account", () => {
  it("replays the same key and params, refuses the same key with other params", async () => {
    const first = await bookingIntent("b-idem");
    const again = await bookingIntent("b-idem");
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.idempotencyKey).toBe("booking:b-idem:intent");
    const error = await bookingIntent("b-idem", { amount: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
  });

  it("answers Stripe's error objects", async () => {
    await expect(stripe.paymentIntents.retrieve("pi_missing")).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 404,
      code: "resource_missing",
    });
    await expect(stripe.paymentIntents.create({ amount: 0, currency: "eur" })).rejects.toMatchObject({
      statusCode: 400,
      param: "amount",
    });
    const wrongKey = sdkFor(standIn, `${SECRET_KEY}x`);
    await expect(wrongKey.paymentIntents.list()).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
  });

  it("scopes reads to the Stripe-Account", async () => {
    const account = await stripe.accounts.create({ type: "express", email: "host@example.com" });
    const own = await stripe.accounts.retrieveCurrent({}, { stripeAccount: account.id });
    expect(own.id).toBe(account.id);
    const platformIntent = await bookingIntent("b-scope");
    await expect(
      stripe.paymentIntents.retrieve(platformIntent.id, {}, { stripeAccount: account.id }),
    ).rejects.toMatchObject({ statusCode: 404 });
    await expect(stripe.accounts.retrieveCurrent({}, { stripeAccount: "acct_nobody" })).rejects.toMatchObject(
      { statusCode: 403 },
    );
  });
});

describe("refunds", () => {
  it("refunds partially, then the rest, then refuses more", async () => {
    const paid = await stripe.paymentIntents.create({
      amount: 10_000,
      currency: "eur",
      confirm: true,
      payment_method: "pm_card_visa",
    });
    const part = await stripe.refunds.create(
      { payment_intent: paid.id, amount: 2_500 },
      { idempotencyKey: "refund:r1" },
    );
    expect(part).toMatchObject({ amount: 2_500, status: "succeeded", payment_intent: paid.id });
    await expect(stripe.refunds.create({ payment_intent: paid.id, amount: 9_000 })).rejects.toMatchObject({
      code: "amount_too_large",
    });
    const rest = await stripe.refunds.create({ payment_intent: paid.id });
    expect(rest.amount).toBe(7_500);
    const charge = await stripe.charges.retrieve(String(paid.latest_charge));
    expect(charge).toMatchObject({ amount_refunded: 10_000, refunded: true });
    const listed = await stripe.refunds.list({ payment_intent: paid.id });
    expect(listed.data.map((r) => r.amount).sort()).toEqual([2_500, 7_500]);
    await expect(stripe.refunds.create({ payment_intent: paid.id })).rejects.toMatchObject({
      code: "charge_already_refunded",
    });
  });

  it("refuses to refund a payment that was only held", async () => {
    const held = await bookingIntent("b-held-refund", { confirm: true, payment_method: "pm_card_visa" });
    await expect(stripe.refunds.create({ payment_intent: held.id })).rejects.toMatchObject({
      statusCode: 400,
    });
  });
});
