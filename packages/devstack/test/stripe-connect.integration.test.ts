import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeStandIn, stripeSignatureHeader } from "../src/stripe/index.ts";
import { sdkFor, startStandIn, startWebhookReceiver, verify, WEBHOOK_SECRET } from "./stripe-fixture.ts";

let standIn: StripeStandIn;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  standIn = await startStandIn({ webhook: { url: receiver.url, secret: WEBHOOK_SECRET } });
});
afterAll(async () => {
  await standIn.close();
  await receiver.close();
});

async function onboardedAccount(email: string) {
  const stripe = sdkFor(standIn);
  const account = await stripe.accounts.create({
    type: "express",
    email,
    capabilities: { transfers: { requested: true }, card_payments: { requested: true } },
    metadata: { hostId: email },
  });
  expect(account).toMatchObject({ charges_enabled: false, payouts_enabled: false, details_submitted: false });
  const link = await stripe.accountLinks.create({
    account: account.id,
    type: "account_onboarding",
    return_url: "http://localhost:3000/host/payouts?done=1",
    refresh_url: "http://localhost:3000/host/payouts?retry=1",
  });
  expect(await (await fetch(link.url)).text()).toContain("Set up payouts");
  const done = await fetch(link.url, {
    method: "POST",
    body: new URLSearchParams({ action: "complete" }),
    redirect: "manual",
  });
  expect(done.headers.get("location")).toBe("http://localhost:3000/host/payouts?done=1");
  return account.id;
}

describe("Connect onboarding", () => {
  it("completes an Express account on the hosted page and sends a signed account.updated", async () => {
    const stripe = sdkFor(standIn);
    const accountId = await onboardedAccount("host1@example.com");
    const account = await stripe.accounts.retrieve(accountId);
    expect(account).toMatchObject({ charges_enabled: true, payouts_enabled: true, details_submitted: true });
    expect(account.capabilities?.transfers).toBe("active");

    await standIn.webhooksIdle();
    const events = await Promise.all(receiver.received.map((d) => verify(d)));
    const updated = events.find((e) => e.type === "account.updated" && e.account === accountId);
    expect(updated?.data.object).toMatchObject({ id: accountId, payouts_enabled: true });
    expect(updated?.data.previous_attributes).toMatchObject({ payouts_enabled: false });

    const login = await stripe.accounts.createLoginLink(accountId);
    expect(await (await fetch(login.url)).text()).toContain(accountId);
  });

  it("refuses a login link before onboarding and a transfer to an account without payouts", async () => {
    const stripe = sdkFor(standIn);
    const account = await stripe.accounts.create({ type: "express" });
    await expect(stripe.accounts.createLoginLink(account.id)).rejects.toMatchObject({ statusCode: 400 });
    await expect(
      stripe.transfers.create({ amount: 100, currency: "eur", destination: account.id }),
    ).rejects.toMatchObject({ code: "insufficient_capabilities_for_transfer" });
  });

  it("leaving onboarding sends the host to the refresh URL and changes nothing", async () => {
    const stripe = sdkFor(standIn);
    const account = await stripe.accounts.create({ type: "express" });
    const link = await stripe.accountLinks.create({
      account: account.id,
      type: "account_onboarding",
      return_url: "http://localhost:3000/r",
      refresh_url: "http://localhost:3000/again",
    });
    const left = await fetch(link.url, {
      method: "POST",
      body: new URLSearchParams({ action: "leave" }),
      redirect: "manual",
    });
    expect(left.headers.get("location")).toBe("http://localhost:3000/again");
    expect((await stripe.accounts.retrieve(account.id)).payouts_enabled).toBe(false);
  });
});

describe("transfers and reversals", () => {
  it("transfers once per idempotency key, reverses partially, lists by group", async () => {
    const stripe = sdkFor(standIn);
    const destination = await onboardedAccount("host2@example.com");
    const params = {
      amount: 40_000,
      currency: "eur",
      destination,
      transfer_group: "booking-7",
      metadata: { payoutId: "p-7" },
    };
    const first = await stripe.transfers.create(params, { idempotencyKey: "payout:p-7" });
    const again = await stripe.transfers.create(params, { idempotencyKey: "payout:p-7" });
    expect(again.id).toBe(first.id);
    const listed = await stripe.transfers.list({ transfer_group: "booking-7" });
    expect(listed.data.map((t) => t.id)).toEqual([first.id]);

    const reversal = await stripe.transfers.createReversal(first.id, { amount: 10_000 });
    expect(reversal).toMatchObject({ amount: 10_000, transfer: first.id });
    const after = await stripe.transfers.retrieve(first.id);
    expect(after).toMatchObject({ amount_reversed: 10_000, reversed: false });
    expect(after.reversals.data).toHaveLength(1);
    await expect(stripe.transfers.createReversal(first.id, { amount: 30_001 })).rejects.toMatchObject({
      code: "amount_too_large",
    });
  });
});

describe("events and webhooks", () => {
  it("lists and retrieves events, paginating like Stripe", async () => {
    const stripe = sdkFor(standIn);
    for (const n of [1, 2, 3]) await stripe.paymentIntents.create({ amount: 100 * n, currency: "eur" });
    const page = await stripe.events.list({ type: "payment_intent.created", limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(true);
    const all: string[] = [];
    for await (const event of stripe.events.list({ type: "payment_intent.*", limit: 2 })) all.push(event.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const one = await stripe.events.retrieve(all[0] ?? "");
    expect(one.id).toBe(all[0]);
  });

  it("retries a failing endpoint with backoff, each attempt freshly signed", async () => {
    const flaky = await startWebhookReceiver((n) => (n < 2 ? 500 : 200));
    const own = await startStandIn({ webhook: { url: flaky.url, secret: WEBHOOK_SECRET } });
    try {
      await sdkFor(own).paymentIntents.create({ amount: 700, currency: "eur" });
      await own.webhooksIdle();
      expect(flaky.received).toHaveLength(3);
      const ids = await Promise.all(flaky.received.map(async (d) => (await verify(d)).id));
      expect(new Set(ids).size).toBe(1);
    } finally {
      await own.close();
      await flaky.close();
    }
  });

  it("signs exactly as Stripe: a tampered body, a wrong secret or an old timestamp fail verification", async () => {
    const delivery = receiver.received[0]!;
    await expect(
      verify({ ...delivery, body: delivery.body.replace("livemode", "livemodf") }),
    ).rejects.toThrow();
    await expect(verify(delivery, "whsec_other")).rejects.toThrow();
    const old = Math.floor(Date.now() / 1000) - 301;
    await expect(
      verify({ ...delivery, signature: stripeSignatureHeader(delivery.body, WEBHOOK_SECRET, old) }),
    ).rejects.toThrow(/tolerance/);
  });

  it("keeps state across restarts when given a data dir", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "stripe-standin-"));
    try {
      const first = await startStandIn({ dataDir });
      const created = await sdkFor(first).paymentIntents.create({ amount: 900, currency: "eur" });
      await first.close();
      const second = await startStandIn({ dataDir });
      expect((await sdkFor(second).paymentIntents.retrieve(created.id)).amount).toBe(900);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
