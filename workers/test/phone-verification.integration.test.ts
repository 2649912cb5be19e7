import { updateNotificationPreferences, verifyPhoneCode } from "@hometrip/core";
import { notificationDeliveries, phoneVerificationCodes, processedEvents } from "@hometrip/db";
import { type ChannelStandIns, startChannelStandIns } from "@hometrip/devstack";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTwilioSmsSender } from "../src/notifications/sms-sender.ts";
import { createMember } from "./support/accounts.ts";
import { deliver, envelope, notificationDeps } from "./support/notifications.ts";
import { bookingNotice, dispatchNow, uniquePhone } from "./support/sms.ts";

let database: TunnelledDatabase;
let standIns: ChannelStandIns;

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "workers_phone" });
  standIns = await startChannelStandIns();
});
afterAll(async () => {
  await standIns?.close();
  await database?.close();
});

const deps = (authToken = standIns.twilio.authToken) =>
  notificationDeps({
    sms: createTwilioSmsSender({
      apiUrl: standIns.twilio.apiUrl,
      accountSid: standIns.twilio.accountSid,
      authToken,
      from: standIns.twilio.from,
    }),
  });

async function memberWithPhone() {
  const member = await createMember(database.db);
  const phone = uniquePhone();
  await updateNotificationPreferences(database.db, member.id, { phone });
  return { ...member, phone };
}

const codeIn = (body: string) => /\b(\d{6})\b/.exec(body)?.[1];

describe("phone verification code by SMS", () => {
  it("texts a 6-digit code to the saved number that verifies it; only its hash is stored", async () => {
    const m = await memberWithPhone();
    const now = new Date();
    const event = envelope("auth.phone_verification_requested", { userId: m.id, phone: m.phone }, now);
    expect(await deliver(database.db, deps(), event, now)).toBe("processed");

    const [text, ...more] = standIns.sms(m.phone);
    expect(more).toHaveLength(0);
    expect(text).toMatchObject({ to: m.phone, from: standIns.twilio.from });
    expect(text!.body).toMatch(/^HomeTrip: your code is \d{6}\. .*expires in 10 minutes/);
    const code = codeIn(text!.body)!;
    const [row] = await database.db
      .select()
      .from(phoneVerificationCodes)
      .where(eq(phoneVerificationCodes.userId, m.id));
    expect(row?.codeHash).not.toContain(code);
    expect(row?.expiresAt.getTime()).toBe(now.getTime() + 10 * 60_000);

    await verifyPhoneCode(database.db, m.id, code, new Date());
    expect(standIns.sms(m.phone)).toHaveLength(1);
  });

  it("keeps the request for the broker's retry when Twilio fails: nothing is stored, the retry texts a code", async () => {
    const m = await memberWithPhone();
    const now = new Date();
    const event = envelope("auth.phone_verification_requested", { userId: m.id, phone: m.phone }, now);
    await expect(deliver(database.db, deps("wrong-token-0123456789"), event, now)).rejects.toThrow(/401/);
    expect(standIns.sms(m.phone)).toHaveLength(0);
    expect(
      await database.db.select().from(phoneVerificationCodes).where(eq(phoneVerificationCodes.userId, m.id)),
    ).toHaveLength(0);
    expect(
      await database.db.select().from(processedEvents).where(eq(processedEvents.eventId, event.id)),
    ).toHaveLength(0);

    expect(await deliver(database.db, deps(), event, now)).toBe("processed");
    const code = codeIn(standIns.sms(m.phone)[0]!.body)!;
    await verifyPhoneCode(database.db, m.id, code, new Date());
  });

  it("texts nothing when the number changed since the request (the request is stale)", async () => {
    const m = await memberWithPhone();
    const now = new Date();
    const event = envelope("auth.phone_verification_requested", { userId: m.id, phone: m.phone }, now);
    await updateNotificationPreferences(database.db, m.id, { phone: uniquePhone() });
    expect(await deliver(database.db, deps(), event, now)).toBe("processed");
    expect(standIns.sms(m.phone)).toHaveLength(0);
  });
});

describe("SMS notifications go only to a verified number", () => {
  it("an unverified number gets no text; once verified it gets the booking notice", async () => {
    const m = await memberWithPhone();
    const first = new Date();
    await bookingNotice(database.db, m.id, "Your booking is requested", first);
    await dispatchNow(database.db, deps(), first);
    expect(standIns.sms(m.phone)).toHaveLength(0);
    const before = await database.db
      .select({ channel: notificationDeliveries.channel })
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.userId, m.id));
    expect(before.map((r) => r.channel)).not.toContain("sms");

    const requested = envelope("auth.phone_verification_requested", { userId: m.id, phone: m.phone });
    await deliver(database.db, deps(), requested, new Date());
    await verifyPhoneCode(database.db, m.id, codeIn(standIns.sms(m.phone)[0]!.body)!, new Date());

    const second = new Date();
    await bookingNotice(database.db, m.id, "Your booking is confirmed", second);
    await dispatchNow(database.db, deps(), second);
    const [notice, code] = standIns.sms(m.phone);
    expect(code?.body).toMatch(/your code is/);
    expect(notice?.body).toBe(
      "HomeTrip: Your booking is confirmed. Loft by the canal, 1 to 4 July. http://localhost:3000/trips/abc",
    );
  });

  it("a send scheduled while verified is skipped if the number changes before it leaves", async () => {
    const m = await memberWithPhone();
    const requested = envelope("auth.phone_verification_requested", { userId: m.id, phone: m.phone });
    await deliver(database.db, deps(), requested, new Date());
    await verifyPhoneCode(database.db, m.id, codeIn(standIns.sms(m.phone)[0]!.body)!, new Date());
    const now = new Date();
    await bookingNotice(database.db, m.id, "Your booking is confirmed", now);
    const other = uniquePhone();
    await updateNotificationPreferences(database.db, m.id, { phone: other });
    await dispatchNow(database.db, deps(), now);

    expect(standIns.sms(other)).toHaveLength(0);
    expect(standIns.sms(m.phone)).toHaveLength(1);
    const rows = await database.db
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.userId, m.id));
    expect(rows.find((r) => r.channel === "sms")).toMatchObject({
      status: "skipped",
      outcome: "no_verified_phone",
    });
  });
});
