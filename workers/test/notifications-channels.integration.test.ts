import { savePushSubscription, silentLogger } from "@hometrip/core";
import { notificationDeliveries, pushSubscriptions } from "@hometrip/db";
import { type ChannelStandIns, startChannelStandIns } from "@hometrip/devstack";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { dispatchDueDeliveries } from "../src/notifications/dispatch.ts";
import { createWebPushSender } from "../src/notifications/push-sender.ts";
import { createTwilioSmsSender } from "../src/notifications/sms-sender.ts";
import { createMember } from "./support/accounts.ts";
import { notificationDeps } from "./support/notifications.ts";
import { bookingNotice, saveVerifiedPhone, uniquePhone } from "./support/sms.ts";

let database: TunnelledDatabase;
let standIns: ChannelStandIns;
const vapid = webpush.generateVAPIDKeys();

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "workers_channels" });
  standIns = await startChannelStandIns();
});
afterAll(async () => {
  await standIns?.close();
  await database?.close();
});

const deps = (twilioToken?: string) =>
  notificationDeps({
    push: createWebPushSender({
      publicKey: vapid.publicKey,
      privateKey: vapid.privateKey,
      subject: "mailto:ops@hometrip.test",
    }),
    sms: createTwilioSmsSender({
      apiUrl: standIns.twilio.apiUrl,
      accountSid: standIns.twilio.accountSid,
      authToken: twilioToken ?? standIns.twilio.authToken,
      from: standIns.twilio.from,
    }),
  });

describe("Web Push through the stand-in", () => {
  it("arrives encrypted with the subscription's keys and signed with VAPID, and decrypts to the notification", async () => {
    const member = await createMember(database.db);
    const subscription = standIns.createPushSubscription();
    await savePushSubscription(database.db, member.id, subscription);
    const now = new Date();
    await bookingNotice(database.db, member.id, "Your booking is confirmed", now);
    await dispatchDueDeliveries(database.db, deps(), { now, log: silentLogger });

    const [received, ...more] = standIns.pushes(subscription.id);
    expect(more).toHaveLength(0);
    expect(JSON.parse(received!.payload)).toEqual({
      title: "Your booking is confirmed",
      body: "Loft by the canal, 1 to 4 July.",
      url: "http://localhost:3000/trips/abc",
      tag: expect.any(String),
    });
    expect(received!.ttl).toBeGreaterThan(0);
  });

  it("drops a subscription the push service says is gone (410)", async () => {
    const member = await createMember(database.db);
    const subscription = standIns.createPushSubscription();
    await savePushSubscription(database.db, member.id, subscription);
    standIns.expirePushSubscription(subscription.id);
    const now = new Date();
    await bookingNotice(database.db, member.id, "Your booking is confirmed", now);
    await dispatchDueDeliveries(database.db, deps(), { now, log: silentLogger });

    expect(standIns.pushes(subscription.id)).toHaveLength(0);
    expect(
      await database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, member.id)),
    ).toHaveLength(0);
    const rows = await database.db
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.userId, member.id));
    expect(rows.find((r) => r.channel === "push")).toMatchObject({
      status: "skipped",
      outcome: "subscriptions_expired",
    });
  });
});

describe("SMS through the Twilio stand-in", () => {
  it("sends a Twilio-shaped request (basic auth, form body) to the member's number", async () => {
    const member = await createMember(database.db);
    const phone = uniquePhone();
    await saveVerifiedPhone(database.db, member.id, phone);
    const now = new Date();
    await bookingNotice(database.db, member.id, "Your booking is confirmed", now);
    await dispatchDueDeliveries(database.db, deps(), { now, log: silentLogger });

    const [text, ...more] = standIns.sms(phone);
    expect(more).toHaveLength(0);
    expect(text).toMatchObject({ to: phone, from: standIns.twilio.from });
    expect(text!.body).toBe(
      "HomeTrip: Your booking is confirmed. Loft by the canal, 1 to 4 July. http://localhost:3000/trips/abc",
    );
    const rows = await database.db
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.userId, member.id));
    expect(rows.find((r) => r.channel === "sms")).toMatchObject({ status: "sent", outcome: text!.sid });
  });

  it("keeps the send for a retry with backoff when Twilio refuses the credentials", async () => {
    const member = await createMember(database.db);
    const phone = uniquePhone();
    await saveVerifiedPhone(database.db, member.id, phone);
    const now = new Date();
    await bookingNotice(database.db, member.id, "Your booking is confirmed", now);
    await dispatchDueDeliveries(database.db, deps("wrong-token-0123456789"), { now, log: silentLogger });

    expect(standIns.sms(phone)).toHaveLength(0);
    const rows = await database.db
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.userId, member.id));
    const sms = rows.find((r) => r.channel === "sms");
    expect(sms).toMatchObject({ status: "pending", attempts: 1 });
    expect(sms!.lastError).toContain("401");
    expect(sms!.deliverAfter.getTime()).toBeGreaterThan(now.getTime());
  });
});
