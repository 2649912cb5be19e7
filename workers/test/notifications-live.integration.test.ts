import { randomUUID } from "node:crypto";
import { userRoom } from "@hometrip/contracts";
import { httpRoomDelivery, RoomDeliveryError, signRoomToken } from "@hometrip/core";
import { messages } from "@hometrip/db";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember } from "./support/accounts.ts";
import {
  createConversation,
  deliver,
  envelope,
  messageSent,
  notificationDeps,
} from "./support/notifications.ts";
import {
  internalToken,
  type RealtimeWorker,
  roomTokenSecret,
  startRealtimeWorker,
} from "./support/realtime-worker.ts";

let database: TunnelledDatabase;
let realtime: RealtimeWorker;
beforeAll(async () => {
  [database, realtime] = await Promise.all([
    createTunnelledDatabase({ prefix: "workers_notifications_live" }),
    startRealtimeWorker(),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([database?.close(), realtime?.close()]);
});

async function joinUserRoom(userId: string) {
  const room = userRoom(userId);
  const { token } = await signRoomToken(roomTokenSecret, { userId, room });
  return realtime.join(room, token);
}

const bookingConfirmed = () => ({
  id: randomUUID(),
  type: "booking.confirmed",
  title: "Booking confirmed",
  body: "Your stay is confirmed.",
  data: { category: "booking_updates", link: null },
  createdAt: new Date().toISOString(),
});

describe("a notification pushed live through the realtime Worker", () => {
  it("reaches the member's open user room with the item and both unread totals", async () => {
    const guest = await createMember(database.db, { displayName: "Grace Guest" });
    const host = await createMember(database.db, { displayName: "Hugo Host" });
    const conversationId = await createConversation(database.db, guest.id, host.id);
    const at = new Date();
    await database.db.insert(messages).values({
      conversationId,
      seq: 1,
      senderId: guest.id,
      clientId: randomUUID(),
      body: "Is the loft quiet at night?",
      createdAt: at,
    });
    const tab = await joinUserRoom(host.id);
    const rooms = httpRoomDelivery({ baseUrl: realtime.url, internalToken });

    const event = messageSent({
      conversationId,
      seq: 1,
      senderId: guest.id,
      recipientId: host.id,
      body: "Is the loft quiet at night?",
      at,
    });
    await deliver(database.db, notificationDeps(), event, at, { rooms });

    const [notification] = await tab.waitFor("notification");
    expect(notification?.notification).toMatchObject({
      type: "message.received",
      title: "New message from Grace Guest",
      data: { category: "messages", link: `/messages/${conversationId}` },
    });
    const [unread] = await tab.waitFor("unread");
    expect(unread).toEqual({ type: "unread", conversations: 1, notifications: 1 });
    // The item comes first, so a tab that shows it has it before the count changes.
    expect(tab.events.filter((e) => e.type !== "heartbeat").map((e) => e.type)).toEqual([
      "notification",
      "unread",
    ]);
    tab.close();
  });

  it("is not seen by another member's room", async () => {
    const host = await createMember(database.db);
    const other = await createMember(database.db);
    const otherTab = await joinUserRoom(other.id);
    const hostTab = await joinUserRoom(host.id);
    const rooms = httpRoomDelivery({ baseUrl: realtime.url, internalToken });
    const changed = envelope("auth.password_changed", { userId: host.id, email: host.email });
    await deliver(database.db, notificationDeps(), changed, new Date(), { rooms });
    expect(await hostTab.waitFor("unread")).toEqual([{ type: "unread", conversations: 0, notifications: 1 }]);
    // Deliveries are awaited by the post-commit step: by now anything sent to the other room is there.
    expect(otherTab.events.filter((e) => e.type !== "heartbeat")).toEqual([]);
    hostTab.close();
    otherTab.close();
  });

  it("fails, without reaching the room, when the internal token is wrong", async () => {
    const host = await createMember(database.db);
    const tab = await joinUserRoom(host.id);
    const rooms = httpRoomDelivery({ baseUrl: realtime.url, internalToken: "not-the-internal-token" });
    const sending = rooms.deliver(userRoom(host.id), {
      type: "notification",
      notification: bookingConfirmed(),
    });
    await expect(sending).rejects.toThrow(RoomDeliveryError);
    await expect(sending).rejects.toThrow(/HTTP 401/);
    expect(tab.events.filter((e) => e.type !== "heartbeat")).toEqual([]);
    tab.close();
  });
});
