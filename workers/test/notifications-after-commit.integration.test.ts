import type { EventEnvelope, KnownEventEnvelope, TRoomDeliveryRequest } from "@hometrip/contracts";
import { type RoomDelivery, silentLogger } from "@hometrip/core";
import { notifications, outbox } from "@hometrip/db";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { Receiver } from "@upstash/qstash";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkerApp } from "../src/app.ts";
import { createEventHandlers, type EventHandlers } from "../src/handlers/index.ts";
import { createMember } from "./support/accounts.ts";
import { createConversation, messageSent, notificationDeps } from "./support/notifications.ts";
import { signDelivery, signingKeys } from "./support/signing.ts";

let database: TunnelledDatabase;
beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "workers_notifications_after_commit" });
});
afterAll(async () => {
  await database?.close();
});

const origin = "http://workers.test";

/**
 * Records every room delivery and, for a notification, whether another connection could already
 * read the row at that moment: a push sent before the commit would find nothing.
 */
function committedViewRooms() {
  const sent: (TRoomDeliveryRequest & { storedAtPush?: boolean })[] = [];
  const rooms: RoomDelivery = {
    async deliver(room, event) {
      let storedAtPush: boolean | undefined;
      if (event.type === "notification") {
        const rows = await database.db
          .select({ id: notifications.id })
          .from(notifications)
          .where(eq(notifications.id, event.notification.id));
        storedAtPush = rows.length === 1;
      }
      sent.push({ room, event, storedAtPush } as TRoomDeliveryRequest & { storedAtPush?: boolean });
      return { delivered: 1 };
    },
  };
  return { rooms, sent };
}

/** POSTs a signed delivery of `event` to the workers' /events, as the broker does. */
async function postEvent(event: KnownEventEnvelope, opts: { rooms: RoomDelivery; handlers?: EventHandlers }) {
  const published: EventEnvelope[] = [];
  const deps = notificationDeps();
  const app = createWorkerApp({
    db: database.db,
    publisher: { publish: async (envelope) => void published.push(envelope) },
    log: silentLogger,
    publicUrl: origin,
    receiver: new Receiver({ currentSigningKey: signingKeys.current, nextSigningKey: signingKeys.next }),
    notifications: deps,
    mail: { appUrl: deps.appUrl, transport: deps.transport },
    rooms: opts.rooms,
    ...(opts.handlers && { handlers: opts.handlers }),
  });
  const raw = JSON.stringify(event);
  const res = await app.request(`${origin}/events`, {
    method: "POST",
    headers: {
      "upstash-signature": signDelivery({ url: `${origin}/events`, body: raw }),
      "content-type": "application/json",
    },
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, published };
}

async function awayMessage() {
  const guest = await createMember(database.db, { displayName: "Grace Guest" });
  const host = await createMember(database.db, { displayName: "Hugo Host" });
  const conversationId = await createConversation(database.db, guest.id, host.id);
  const at = new Date();
  const event = messageSent({ conversationId, seq: 1, senderId: guest.id, recipientId: host.id, at });
  return { host, event };
}

const notificationsOf = (userId: string) =>
  database.db.select().from(notifications).where(eq(notifications.userId, userId));
const createdEventsFor = (userId: string) =>
  database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.eventType, "notification.created"), sql`${outbox.payload}->>'userId' = ${userId}`));

describe("a notification's live push", () => {
  it("is never made when the notification's transaction rolls back", async () => {
    const { host, event } = await awayMessage();
    const { rooms, sent } = committedViewRooms();
    const deps = notificationDeps();
    const registry = createEventHandlers({
      notifications: deps,
      mail: { appUrl: deps.appUrl, transport: deps.transport },
    });
    // The notification is stored, then a later effect of the same delivery fails.
    const handlers: EventHandlers = {
      ...registry,
      "message.sent": async (ctx) => {
        await registry["message.sent"](ctx);
        throw new Error("a later effect of this delivery failed");
      },
    };

    const failed = await postEvent(event, { rooms, handlers });
    expect(failed.status).toBe(500);
    expect(sent).toEqual([]);
    expect(failed.published).toEqual([]);
    expect(await notificationsOf(host.id)).toEqual([]);
    expect(await createdEventsFor(host.id)).toEqual([]);
  });

  it("is made once the transaction has committed, once, and not again when the event is redelivered", async () => {
    const { host, event } = await awayMessage();
    const { rooms, sent } = committedViewRooms();

    const first = await postEvent(event, { rooms });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe("processed");
    const [stored, ...more] = await notificationsOf(host.id);
    expect(more).toEqual([]);
    expect(sent).toEqual([
      {
        room: `user:${host.id}`,
        event: {
          type: "notification",
          notification: expect.objectContaining({ id: stored?.id, title: "New message from Grace Guest" }),
        },
        storedAtPush: true,
      },
      { room: `user:${host.id}`, event: { type: "unread", conversations: 0, notifications: 1 } },
    ]);
    // The event that carried the push is relayed right after the commit, not left to the sweep.
    expect(first.published.map((e) => e.type)).toEqual(["notification.created"]);

    const again = await postEvent(event, { rooms });
    expect(again.body.status).toBe("duplicate");
    expect(sent.filter((d) => d.event.type === "notification")).toHaveLength(1);
  });
});
