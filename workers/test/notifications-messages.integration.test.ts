import type { RoomDelivery } from "@hometrip/core";
import { recordingRoomDelivery, silentLogger, updateNotificationPreferences } from "@hometrip/core";
import { devEmails, notificationDeliveries, notifications } from "@hometrip/db";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationDeps } from "../src/notifications/deps.ts";
import { dispatchDueDeliveries } from "../src/notifications/dispatch.ts";
import { createMember } from "./support/accounts.ts";
import {
  apiUrl,
  createConversation,
  deliver,
  envelope,
  later,
  messageSent,
  minutes,
  notificationDeps,
  userRoomEvents,
} from "./support/notifications.ts";

let database: TunnelledDatabase;
beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "workers_notifications" });
});
afterAll(async () => {
  await database?.close();
});

const mailsTo = (email: string) => database.db.select().from(devEmails).where(eq(devEmails.to, email));
const deliveriesOf = (userId: string) =>
  database.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.userId, userId));
const dispatch = (deps: NotificationDeps, now: Date) =>
  dispatchDueDeliveries(database.db, deps, { now, log: silentLogger });

const notificationsOf = (userId: string) =>
  database.db.select().from(notifications).where(eq(notifications.userId, userId));

/**
 * A guest and a host in one conversation; `sends` delivers the guest's message `seq` to the host
 * (its message.sent event, applied at `at`), `reads` the host's read cursor moving to `lastReadSeq`.
 */
async function pair() {
  const guest = await createMember(database.db, { displayName: "Grace Guest" });
  const host = await createMember(database.db, { displayName: "Hugo Host" });
  const conversationId = await createConversation(database.db, guest.id, host.id);
  const sends = (deps: NotificationDeps, seq: number, at: Date, body?: string, rooms?: RoomDelivery) =>
    deliver(
      database.db,
      deps,
      messageSent({
        conversationId,
        seq,
        senderId: guest.id,
        recipientId: host.id,
        at,
        ...(body && { body }),
      }),
      at,
      rooms ? { rooms } : {},
    );
  const reads = (deps: NotificationDeps, lastReadSeq: number, at: Date) =>
    deliver(
      database.db,
      deps,
      envelope("conversation.read", { conversationId, userId: host.id, lastReadSeq }),
      at,
    );
  return { guest, host, conversationId, sends, reads };
}

describe("a message to a member who is away", () => {
  it("is stored in the app, pushed to their room at once, and e-mailed after the away delay", async () => {
    const { guest, host, conversationId, sends } = await pair();
    const rooms = recordingRoomDelivery();
    const deps = notificationDeps();
    const t0 = new Date();
    await sends(deps, 1, t0, "Is the loft quiet at night?", rooms);

    const [stored] = await notificationsOf(host.id);
    expect(stored).toMatchObject({
      type: "message.received",
      category: "messages",
      title: "New message from Grace Guest",
    });
    expect(userRoomEvents(rooms.sent, host.id)).toEqual([
      {
        type: "notification",
        notification: expect.objectContaining({ id: stored?.id, title: "New message from Grace Guest" }),
      },
      expect.objectContaining({ type: "unread", notifications: 1 }),
    ]);

    await dispatch(deps, later(t0, minutes(1)));
    expect(await mailsTo(host.email)).toHaveLength(0);

    await dispatch(deps, later(t0, minutes(3)));
    const [mail] = await mailsTo(host.email);
    expect(mail?.subject).toBe("New message from Grace Guest");
    expect(mail?.text).toContain("Is the loft quiet at night?");
    expect(mail?.html).toContain("Is the loft quiet at night?");
    expect(mail?.html).toContain(`http://localhost:3000/messages/${conversationId}`);
    expect(mail?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail?.headers["List-Unsubscribe"]).toMatch(
      new RegExp(`^<${apiUrl}/notifications/unsubscribe\\?token=${host.id}\\.messages\\.[0-9a-f]{32}>$`),
    );
    // The sender hears nothing about their own message.
    expect(await deliveriesOf(guest.id)).toHaveLength(0);
  });

  it("is not e-mailed when read live before the delay ends", async () => {
    const { host, sends, reads } = await pair();
    const deps = notificationDeps();
    const t0 = new Date();
    await sends(deps, 1, t0);
    await reads(deps, 1, later(t0, 20_000));

    await dispatch(deps, later(t0, minutes(5)));
    expect(await mailsTo(host.email)).toHaveLength(0);
    const [row] = await deliveriesOf(host.id);
    expect(row).toMatchObject({ status: "skipped", outcome: "read_live" });
    const [stored] = await notificationsOf(host.id);
    expect(stored?.readAt).not.toBeNull();
  });

  it("is not scheduled at all when the read event arrived first", async () => {
    const { host, sends, reads } = await pair();
    const deps = notificationDeps();
    const t0 = new Date();
    await reads(deps, 2, t0);
    await sends(deps, 2, t0);
    expect(await deliveriesOf(host.id)).toHaveLength(0);
  });

  it("is checked against the read cursor when the e-mail falls due", async () => {
    const { host, sends, reads } = await pair();
    const deps = notificationDeps();
    const t0 = new Date();
    await sends(deps, 1, t0);
    await sends(deps, 2, t0, "Still there?");
    // Read up to 1 only: the mail about 2 still goes, alone.
    await reads(deps, 1, t0);
    await dispatch(deps, later(t0, minutes(3)));
    const mails = await mailsTo(host.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("New message from Grace Guest");
    expect(mails[0]?.text).toContain("Still there?");
  });

  it("is applied once when the event is delivered twice", async () => {
    const { guest, host, conversationId } = await pair();
    const deps = notificationDeps();
    const t0 = new Date();
    const event = messageSent({ conversationId, seq: 1, senderId: guest.id, recipientId: host.id, at: t0 });
    expect(await deliver(database.db, deps, event, t0)).toBe("processed");
    expect(await deliver(database.db, deps, event, t0)).toBe("duplicate");
    expect(await notificationsOf(host.id)).toHaveLength(1);
  });
});

describe("the away delay (NOTIFY_AWAY_DELAY_SECONDS)", () => {
  it("holds the e-mail that long and wakes the delivery job the moment it falls due", async () => {
    const { host, sends } = await pair();
    const due: Date[] = [];
    const deps = notificationDeps({
      timing: { awayDelayMs: 20_000, digestWindowMs: minutes(15) },
      wakeUps: { at: async (at) => void due.push(at) },
    });
    const t0 = new Date();
    await sends(deps, 1, t0, "Parking?");
    const [row] = await deliveriesOf(host.id);
    expect(row?.deliverAfter.getTime()).toBe(t0.getTime() + 20_000);
    const [wakeUp, ...others] = due;
    expect(others).toEqual([]);
    expect(wakeUp?.getTime()).toBe(Math.ceil((t0.getTime() + 20_000) / 1000) * 1000);

    await dispatch(deps, later(t0, 19_000));
    expect(await mailsTo(host.email)).toHaveLength(0);
    await dispatch(deps, wakeUp as Date);
    const [mail] = await mailsTo(host.email);
    expect(mail?.text).toContain("Parking?");
  });
});

describe("a burst of messages", () => {
  it("becomes one digest e-mail, and the next burst waits out the digest window", async () => {
    const { host, sends } = await pair();
    const deps = notificationDeps();
    const t0 = new Date();
    for (const [seq, offset] of [
      [1, 0],
      [2, 30_000],
      [3, minutes(1)],
    ] as const) {
      await sends(deps, seq, later(t0, offset), `Question ${seq}`);
    }
    await dispatch(deps, later(t0, minutes(2)));
    const [digest, ...rest] = await mailsTo(host.email);
    expect(rest).toHaveLength(0);
    expect(digest?.subject).toBe("3 new messages from Grace Guest");
    for (const n of [1, 2, 3]) expect(digest?.text).toContain(`Question ${n}`);

    // Another message five minutes after the digest: held until the window (15 min) has passed.
    await sends(deps, 4, later(t0, minutes(7)));
    await dispatch(deps, later(t0, minutes(12)));
    expect(await mailsTo(host.email)).toHaveLength(1);
    await dispatch(deps, later(t0, minutes(18)));
    expect(await mailsTo(host.email)).toHaveLength(2);
  });
});

describe("preferences and quiet hours", () => {
  it("hold an e-mail until quiet hours end in the member's zone, then send it", async () => {
    const { host, sends } = await pair();
    await updateNotificationPreferences(database.db, host.id, {
      timeZone: "Asia/Tokyo",
      quietHours: { start: "22:00", end: "07:00" },
    });
    const deps = notificationDeps();
    // 23:30 in Tokyo (no daylight saving there), yesterday.
    const day = utcDaysFromToday(-1);
    const t0 = new Date(`${day}T14:30:00Z`);
    await sends(deps, 1, t0);
    const [row] = await deliveriesOf(host.id);
    expect(row?.deliverAfter.toISOString()).toBe(`${day}T22:00:00.000Z`);
    await dispatch(deps, new Date(`${day}T21:59:00Z`));
    expect(await mailsTo(host.email)).toHaveLength(0);
    await dispatch(deps, new Date(`${day}T22:00:00Z`));
    expect(await mailsTo(host.email)).toHaveLength(1);
  });

  it("send nothing by e-mail when the member turned message e-mails off, but keep the in-app one", async () => {
    const { host, sends } = await pair();
    await updateNotificationPreferences(database.db, host.id, { categories: { messages: { email: false } } });
    const deps = notificationDeps();
    await sends(deps, 1, new Date());
    expect(await deliveriesOf(host.id)).toHaveLength(0);
    expect(await notificationsOf(host.id)).toHaveLength(1);
  });

  it("skip a scheduled e-mail switched off before it fell due", async () => {
    const { host, sends } = await pair();
    const deps = notificationDeps();
    const t0 = new Date();
    await sends(deps, 1, t0);
    await updateNotificationPreferences(database.db, host.id, { categories: { messages: { email: false } } });
    await dispatch(deps, later(t0, minutes(3)));
    expect(await mailsTo(host.email)).toHaveLength(0);
    const rows = await database.db
      .select()
      .from(notificationDeliveries)
      .where(
        and(eq(notificationDeliveries.userId, host.id), eq(notificationDeliveries.outcome, "switched_off")),
      );
    expect(rows).toHaveLength(1);
  });
});
