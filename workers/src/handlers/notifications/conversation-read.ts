import { recordReadCursor, skipReadMessageDeliveries } from "@hometrip/core";
import { notifications } from "@hometrip/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { EventHandler } from "../types.ts";

/**
 * Reading a conversation (live in the room or later) cancels the waiting e-mails about what was
 * read and clears those messages from the bell, on every device.
 */
export const handleConversationRead: EventHandler<"conversation.read"> = async ({ tx, event, log, now }) => {
  const cursor = event.payload;
  await recordReadCursor(tx, cursor);
  const skipped = await skipReadMessageDeliveries(tx, cursor);
  await tx
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, cursor.userId),
        eq(notifications.type, "message.received"),
        isNull(notifications.readAt),
        sql`${notifications.data}->>'conversationId' = ${cursor.conversationId}`,
      ),
    );
  if (skipped > 0) log.info("message e-mails dropped: read live", { eventId: event.id, skipped });
};
