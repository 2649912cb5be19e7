import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChannelStandIns, startChannelStandIns } from "../src/channels/index.ts";

let standIns: ChannelStandIns;
beforeAll(async () => {
  standIns = await startChannelStandIns({
    twilio: { accountSid: `AC${"1".repeat(32)}`, authToken: "token-0123456789abcdef" },
  });
});
afterAll(async () => {
  await standIns?.close();
});

const messagesUrl = () =>
  `${standIns.twilio.apiUrl}/2010-04-01/Accounts/${standIns.twilio.accountSid}/Messages.json`;
const basic = (sid: string, token: string) => `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}`;
const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: {
    "content-type": "application/x-www-form-urlencoded",
    authorization: basic(standIns.twilio.accountSid, standIns.twilio.authToken),
  },
  body: new URLSearchParams(fields).toString(),
});

describe("Twilio stand-in", () => {
  it("records a message and answers with Twilio's resource shape", async () => {
    const response = await fetch(
      messagesUrl(),
      form({ To: "+14155550100", From: "+15005550006", Body: "Hello" }),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ to: "+14155550100", from: "+15005550006", body: "Hello", status: "queued" });
    expect(body.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(standIns.sms("+14155550100")).toEqual([expect.objectContaining({ sid: body.sid, body: "Hello" })]);
  });

  it("refuses wrong credentials (20003), a bad number (21211) and an empty body (21602)", async () => {
    const wrong = await fetch(messagesUrl(), {
      ...form({ To: "+14155550101", From: "+15005550006", Body: "x" }),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: basic(standIns.twilio.accountSid, "nope"),
      },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 20003 });
    const badTo = await fetch(messagesUrl(), form({ To: "0612", From: "+15005550006", Body: "x" }));
    expect(await badTo.json()).toMatchObject({ code: 21211, status: 400 });
    const empty = await fetch(messagesUrl(), form({ To: "+14155550101", From: "+15005550006", Body: "" }));
    expect(await empty.json()).toMatchObject({ code: 21602 });
    expect(standIns.sms("+14155550101")).toHaveLength(0);
  });
});

describe("push service stand-in", () => {
  it("answers 404 for an unknown subscription and 403 without a VAPID signature", async () => {
    const unknown = await fetch(`${standIns.url}/push/00000000-0000-4000-8000-000000000000`, {
      method: "POST",
      body: "x",
    });
    expect(unknown.status).toBe(404);
    const subscription = standIns.createPushSubscription();
    const unsigned = await fetch(subscription.endpoint, {
      method: "POST",
      headers: { "content-encoding": "aes128gcm", ttl: "60" },
      body: new Uint8Array(120),
    });
    expect(unsigned.status).toBe(403);
    expect(standIns.pushes(subscription.id)).toHaveLength(0);
  });

  it("answers 410 once a subscription has expired", async () => {
    const subscription = standIns.createPushSubscription();
    standIns.expirePushSubscription(subscription.id);
    const gone = await fetch(subscription.endpoint, { method: "POST", body: "x" });
    expect(gone.status).toBe(410);
  });
});
