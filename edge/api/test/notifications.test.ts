import { env } from "cloudflare:workers";
import { unsubscribeToken } from "@hometrip/core";
import { describe, expect, it } from "vitest";
import { sql } from "./db.ts";
import { newMember } from "./hardening-support.ts";
import { bearer, call, createTestClient, settle, untyped } from "./harness.ts";

const signingKey = (env as unknown as Record<string, string>).UNSUBSCRIBE_SIGNING_KEY ?? "";

async function seedNotifications(userId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await sql(
      `insert into notifications (user_id, type, category, title, body, data, created_at)
       values ($1, 'booking.confirmed', 'booking_updates', $2, 'body', $3, now() - ($4 || ' minutes')::interval)`,
      [userId, `Notice ${i}`, JSON.stringify({ link: `/trips/${i}` }), String(i)],
    );
  }
}

describe("notifications.list, unreadCount, markRead", () => {
  it("pages newest first, counts unread, and marks one or all read", async () => {
    const member = await newMember("bell");
    const api = createTestClient(bearer(member.accessToken));
    await seedNotifications(member.userId, 5);

    expect(await api.notifications.unreadCount.query()).toEqual({ count: 5 });
    const first = await api.notifications.list.query({ limit: 3 });
    expect(first.items.map((n) => n.title)).toEqual(["Notice 0", "Notice 1", "Notice 2"]);
    expect(first.items[0]).toMatchObject({ category: "booking_updates", link: "/trips/0", readAt: null });
    const second = await api.notifications.list.query({ limit: 3, cursor: first.nextCursor });
    expect(second.items.map((n) => n.title)).toEqual(["Notice 3", "Notice 4"]);
    expect(second.nextCursor).toBeNull();

    const target = first.items[1]!.id;
    expect(await api.notifications.markRead.mutate({ id: target })).toEqual({ marked: 1 });
    expect(await api.notifications.markRead.mutate({ id: target })).toEqual({ marked: 0 });
    expect(await api.notifications.unreadCount.query()).toEqual({ count: 4 });
    const unread = await api.notifications.list.query({ unreadOnly: true });
    expect(unread.items.map((n) => n.id)).not.toContain(target);
    expect(await api.notifications.markAllRead.mutate()).toEqual({ marked: 4 });
    expect(await api.notifications.unreadCount.query()).toEqual({ count: 0 });
  });

  it("refuses another member's notification as not found and leaves it unread", async () => {
    const owner = await newMember("bell-owner");
    const other = await newMember("bell-other");
    await seedNotifications(owner.userId, 1);
    const [row] = await sql<{ id: string }>("select id from notifications where user_id = $1", [
      owner.userId,
    ]);
    const outcome = await settle(() =>
      createTestClient(bearer(other.accessToken)).notifications.markRead.mutate({ id: row!.id }),
    );
    expect(outcome.status).toBe(404);
    const [after] = await sql<{ read_at: Date | null }>("select read_at from notifications where id = $1", [
      row!.id,
    ]);
    expect(after?.read_at).toBeNull();
  });

  it("needs a signed-in session and refuses a forged cursor with 400", async () => {
    expect((await settle(() => createTestClient().notifications.unreadCount.query())).status).toBe(401);
    const member = await newMember("bell-cursor");
    const outcome = await settle(() =>
      createTestClient(bearer(member.accessToken)).notifications.list.query({
        cursor: "'; drop table notifications; --",
      }),
    );
    expect(outcome.status).toBe(400);
  });
});

describe("notifications preferences", () => {
  it("start from the defaults and keep only the switches changed", async () => {
    const member = await newMember("prefs");
    const api = createTestClient(bearer(member.accessToken));
    const defaults = await api.notifications.getPreferences.query();
    expect(defaults).toMatchObject({ timeZone: "UTC", quietHours: null, phone: null, phoneVerified: false });
    expect(defaults.categories.messages).toEqual({ in_app: true, email: true, push: true, sms: false });
    expect(defaults.categories.tips.email).toBe(false);
    expect(defaults.categories.account_security.email).toBe(true);

    const updated = await api.notifications.updatePreferences.mutate({
      categories: { messages: { email: false }, tips: { email: true } },
      quietHours: { start: "22:30", end: "07:00" },
      timeZone: "america/new_york",
      phone: "+14155550123",
    });
    expect(updated.categories.messages.email).toBe(false);
    expect(updated.categories.messages.push).toBe(true);
    expect(updated.categories.tips.email).toBe(true);
    expect(updated).toMatchObject({
      timeZone: "America/New_York",
      quietHours: { start: "22:30", end: "07:00" },
      phone: "+14155550123",
    });
    expect(await api.notifications.getPreferences.query()).toEqual(updated);

    const cleared = await api.notifications.updatePreferences.mutate({ quietHours: null, phone: null });
    expect(cleared).toMatchObject({ quietHours: null, phone: null, timeZone: "America/New_York" });
  });

  it("refuse turning off security e-mail, bad zones, times and numbers with 400", async () => {
    const member = await newMember("prefs-bad");
    const api = createTestClient(bearer(member.accessToken));
    const refused = [
      { categories: { account_security: { email: false } } },
      { timeZone: "Mars/Olympus" },
      { quietHours: { start: "25:00", end: "07:00" } },
      { quietHours: { start: "07:00", end: "07:00" } },
      { phone: "0612345678" },
      { phone: "+1415555\u00000123" },
      { categories: { nope: { email: false } } },
    ];
    for (const input of refused) {
      const outcome = await settle(() => api.notifications.updatePreferences.mutate(untyped(input)));
      expect(outcome.status, JSON.stringify(input)).toBe(400);
    }
    expect((await api.notifications.getPreferences.query()).categories.account_security.email).toBe(true);
  });
});

describe("push subscriptions", () => {
  const keys = { p256dh: `B${"A".repeat(86)}`, auth: "AAAAAAAAAAAAAAAAAAAAAA" };

  it("are saved and removed per member, on https or a local stand-in only", async () => {
    const member = await newMember("push");
    const api = createTestClient(bearer(member.accessToken));
    const endpoint = `https://push.example.test/send/${crypto.randomUUID()}`;
    expect(await api.notifications.subscribePush.mutate({ endpoint, keys })).toEqual({ subscribed: true });
    const [row] = await sql<{ user_id: string }>(
      "select user_id from push_subscriptions where endpoint = $1",
      [endpoint],
    );
    expect(row?.user_id).toBe(member.userId);

    const other = await newMember("push-other");
    const foreign = await createTestClient(bearer(other.accessToken)).notifications.unsubscribePush.mutate({
      endpoint,
    });
    expect(foreign).toEqual({ removed: false });
    expect(await api.notifications.unsubscribePush.mutate({ endpoint })).toEqual({ removed: true });

    const local = `http://127.0.0.1:9999/push/${crypto.randomUUID()}`;
    expect(await api.notifications.subscribePush.mutate({ endpoint: local, keys })).toEqual({
      subscribed: true,
    });
    for (const bad of [
      { endpoint: "http://push.example.test/x", keys },
      { endpoint: "javascript:alert(1)", keys },
      { endpoint, keys: { ...keys, p256dh: "short" } },
      { endpoint, keys: { ...keys, auth: "A".repeat(200) } },
    ]) {
      const outcome = await settle(() => api.notifications.subscribePush.mutate(untyped(bad)));
      expect(outcome.status, JSON.stringify(bad)).toBe(400);
    }
  });

  it("offer the VAPID public key to anyone (null while push is off)", async () => {
    const key = await createTestClient().notifications.vapidPublicKey.query();
    expect(key).toHaveProperty("publicKey");
  });
});

describe("one-click unsubscribe (RFC 8058)", () => {
  it("turns off e-mail for the token's category only, by POST; GET only shows a button", async () => {
    const member = await newMember("unsub");
    const token = await unsubscribeToken(signingKey, member.userId, "messages");
    const path = `/notifications/unsubscribe?token=${encodeURIComponent(token)}`;

    const page = await call(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('method="post"');
    const api = createTestClient(bearer(member.accessToken));
    expect((await api.notifications.getPreferences.query()).categories.messages.email).toBe(true);

    const done = await call(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(done.status).toBe(200);
    const prefs = await api.notifications.getPreferences.query();
    expect(prefs.categories.messages.email).toBe(false);
    expect(prefs.categories.booking_updates.email).toBe(true);
    expect(prefs.categories.messages.in_app).toBe(true);
  });

  it("answers 404 to a forged, altered or security-category token, and changes nothing", async () => {
    const member = await newMember("unsub-forged");
    const good = await unsubscribeToken(signingKey, member.userId, "messages");
    const other = await newMember("unsub-victim");
    const forged = [
      good.replace(member.userId, other.userId),
      good.replace(".messages.", ".booking_updates."),
      await unsubscribeToken("some-other-key-0123456789abcdef0123", other.userId, "messages"),
      await unsubscribeToken(signingKey, other.userId, "account_security"),
      "",
    ];
    for (const token of forged) {
      const response = await call(`/notifications/unsubscribe?token=${encodeURIComponent(token)}`, {
        method: "POST",
      });
      expect([400, 404], token).toContain(response.status);
    }
    const prefs = await createTestClient(bearer(other.accessToken)).notifications.getPreferences.query();
    expect(prefs.categories.messages.email).toBe(true);
    expect(prefs.categories.account_security.email).toBe(true);
  });
});
