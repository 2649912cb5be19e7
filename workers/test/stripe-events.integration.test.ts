import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type KnownEventEnvelope, parseEventEnvelope } from "@hometrip/contracts";
import { recordStripeEvent, saveHostPayoutAccount, silentLogger } from "@hometrip/core";
import { type Database, hostProfiles, outbox, payouts } from "@hometrip/db";
import { type StripeStandIn, startStripeStandIn } from "@hometrip/devstack";
import {
  createExpressAccount,
  createStripeClient,
  createTransfer,
  onboardingLink,
  type Stripe,
  verifyStripeWebhook,
} from "@hometrip/payments";
import { createTunnelledDatabase, type TunnelledDatabase, utcDaysFromToday } from "@hometrip/testkit";
import { paymentsFixture } from "@hometrip/testkit/payments";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processEvent } from "../src/events/process-event.ts";
import { createEventHandlers } from "../src/handlers/index.ts";
import { mergeStripeEventTables } from "../src/handlers/payments/index.ts";

const secretKey = "sk_test_workers_0123456789";
const webhookSecret = "whsec_workers_0123456789";
let database: TunnelledDatabase;
let db: Database;
let standIn: StripeStandIn;
let stripe: Stripe;
const deliveries: { body: string; signature: string }[] = [];
let receiver: Server;

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "workers_stripe" });
  db = database.db;
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const signature = String(req.headers["stripe-signature"] ?? "");
      deliveries.push({ body: Buffer.concat(chunks).toString("utf8"), signature });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverPort = (receiver.address() as AddressInfo).port;
  standIn = await startStripeStandIn({
    secretKey,
    publishableKey: "pk_test_workers_0123456789",
    webhook: { url: `http://127.0.0.1:${receiverPort}/webhooks/stripe`, secret: webhookSecret },
  });
  stripe = createStripeClient({ secretKey, apiBase: standIn.url, maxNetworkRetries: 0 });
});
afterAll(async () => {
  await standIn?.close();
  await new Promise((resolve) => receiver?.close(resolve));
  await database?.close();
});

const handlers = createEventHandlers();

/** What production does: verify, store + outbox (the API), then process the outbox event (the workers). */
async function deliverAll(type: string, objectId: string): Promise<KnownEventEnvelope[]> {
  await standIn.webhooksIdle();
  const envelopes: KnownEventEnvelope[] = [];
  for (const delivery of deliveries) {
    const event = await verifyStripeWebhook(delivery.body, delivery.signature, [webhookSecret]);
    if (event.type !== type || (event.data.object as { id: string }).id !== objectId) continue;
    await recordStripeEvent(db, event);
    const [row] = await db
      .select()
      .from(outbox)
      .where(sql`${outbox.payload}->>'stripeEventId' = ${event.id}`);
    const parsed = parseEventEnvelope({
      id: row!.id,
      type: row!.eventType,
      version: row!.eventVersion,
      occurredAt: row!.occurredAt.toISOString(),
      payload: row!.payload,
    });
    if (!parsed.ok) throw new Error("bad envelope");
    envelopes.push(parsed.event as KnownEventEnvelope);
  }
  return envelopes;
}

const process = (envelope: KnownEventEnvelope) =>
  processEvent(db, handlers, envelope, { log: silentLogger, now: new Date() });

describe("Stripe events through the outbox", () => {
  it("account.updated enables the host's payouts, once, and an older event does not undo it", async () => {
    const { hostId } = await paymentsFixture(db);
    const account = await createExpressAccount(stripe, { hostId, email: "host@workers.test" });
    await saveHostPayoutAccount(db, hostId, account.id);
    const url = await onboardingLink(stripe, {
      accountId: account.id,
      returnUrl: "http://x.test/r",
      refreshUrl: "http://x.test/f",
    });
    await fetch(url, {
      method: "POST",
      body: new URLSearchParams({ action: "complete" }),
      redirect: "manual",
    });

    const [updated] = await deliverAll("account.updated", account.id);
    expect(await process(updated!)).toBe("processed");
    expect(await process(updated!)).toBe("duplicate");
    const [profile] = await db.select().from(hostProfiles).where(eq(hostProfiles.userId, hostId));
    expect(profile).toMatchObject({
      payoutsEnabled: true,
      chargesEnabled: true,
      payoutDetailsSubmitted: true,
    });

    // The account.created event (older, payouts off) arriving after is harmless.
    const stale = await recordStripeEvent(db, {
      id: `evt_stale_${account.id}`,
      type: "account.updated",
      created: Math.floor(Date.now() / 1000) - 3600,
      account: account.id,
      data: { object: { ...account, payouts_enabled: false, charges_enabled: false } },
    });
    expect(stale).toBe("recorded");
    const [staleRow] = await db
      .select()
      .from(outbox)
      .where(sql`${outbox.payload}->>'stripeEventId' = ${`evt_stale_${account.id}`}`);
    const parsed = parseEventEnvelope({
      id: staleRow!.id,
      type: staleRow!.eventType,
      version: staleRow!.eventVersion,
      occurredAt: staleRow!.occurredAt.toISOString(),
      payload: staleRow!.payload,
    });
    if (!parsed.ok) throw new Error("bad envelope");
    await process(parsed.event as KnownEventEnvelope);
    const [after] = await db.select().from(hostProfiles).where(eq(hostProfiles.userId, hostId));
    expect(after!.payoutsEnabled).toBe(true);
  });

  it("transfer.created marks the payout paid with Stripe's transfer id", async () => {
    const { hostId, book } = await paymentsFixture(db);
    const account = await createExpressAccount(stripe, { hostId, email: "paid@workers.test" });
    const url = await onboardingLink(stripe, {
      accountId: account.id,
      returnUrl: "http://x.test/r",
      refreshUrl: "http://x.test/f",
    });
    await fetch(url, {
      method: "POST",
      body: new URLSearchParams({ action: "complete" }),
      redirect: "manual",
    });
    const bookingId = await book(utcDaysFromToday(-2), utcDaysFromToday(3));
    const [payout] = await db
      .insert(payouts)
      .values({
        hostId,
        bookingId,
        amount: 31_000,
        currency: "EUR",
        status: "in_transit",
        scheduledFor: utcDaysFromToday(-1),
      })
      .returning();
    const transfer = await createTransfer(stripe, {
      payoutId: payout!.id,
      bookingId,
      hostId,
      destination: account.id,
      amount: 31_000,
      currency: "EUR",
    });
    const [created] = await deliverAll("transfer.created", transfer.id);
    expect(await process(created!)).toBe("processed");
    const [after] = await db.select().from(payouts).where(eq(payouts.id, payout!.id));
    expect(after).toMatchObject({ status: "paid", providerTransferId: transfer.id });
  });

  it("acknowledges Stripe types nobody handles, and refuses two handlers for one type", async () => {
    const [created] = await deliverAll(
      "payment_intent.created",
      (await stripe.paymentIntents.create({ amount: 100, currency: "eur" })).id,
    );
    expect(await process(created!)).toBe("processed");
    const noop = async () => {};
    expect(() => mergeStripeEventTables([{ "account.updated": noop }, { "account.updated": noop }])).toThrow(
      /two handlers/,
    );
  });
});
