import { userRoom } from "@hometrip/contracts";
import type { Database } from "@hometrip/db";
import type { RecordedEvent } from "../events/event-log.ts";
import { describeError, type Logger } from "../logger.ts";
import { roomDeliveriesFor } from "./room-deliveries.ts";
import type { RoomDelivery } from "./room-delivery.ts";
import { unreadCounts } from "./unread-counts.ts";

/**
 * Puts committed events into rooms. Conversation events go one after another, in commit order, so
 * a room never shows seq 2 before seq 1 of the same unit of work; user-room items (notifications)
 * likewise, and before the unread totals that count them. Failures are logged, not thrown: the
 * data is stored, and clients catch up when they reconnect or reload.
 */
export async function deliverCommittedToRooms(
  events: RecordedEvent[],
  targets: { db: Database; rooms: RoomDelivery; log: Logger },
): Promise<void> {
  const plan = roomDeliveriesFor(events);
  const { rooms, log } = targets;
  const conversations = (async () => {
    for (const { room, event } of plan.conversation) {
      await rooms.deliver(room, event).catch((error: unknown) => {
        log.warn("room delivery failed", { room, type: event.type, error: describeError(error) });
      });
    }
  })();
  const unread = (async () => {
    for (const { room, event } of plan.user) {
      await rooms.deliver(room, event).catch((error: unknown) => {
        log.warn("room delivery failed", { room, type: event.type, error: describeError(error) });
      });
    }
    if (plan.unreadFor.length === 0) return;
    const counts = await unreadCounts(targets.db, plan.unreadFor);
    await Promise.all(
      [...counts].map(([userId, totals]) =>
        rooms.deliver(userRoom(userId), { type: "unread", ...totals }).catch((error: unknown) => {
          log.warn("room delivery failed", {
            room: userRoom(userId),
            type: "unread",
            error: describeError(error),
          });
        }),
      ),
    );
  })().catch((error: unknown) => log.warn("unread counts not delivered", { error: describeError(error) }));
  await Promise.all([conversations, unread]);
}
