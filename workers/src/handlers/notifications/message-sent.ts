import { lastReadSeq, notify } from "@hometrip/core";
import { users } from "@hometrip/db";
import { eq } from "drizzle-orm";
import type { NotificationDeps } from "../../notifications/deps.ts";
import { wakeWhenDue } from "../../notifications/due-send-wake-ups.ts";
import { shortText } from "../../notifications/payload.ts";
import type { EventHandler } from "../types.ts";

/**
 * A recipient who is away hears about a message: in the app at once, by e-mail (push, SMS) after
 * the away delay, in one digest per burst. A recipient who already read it (the read event came
 * first) is skipped here; one who reads it before the delay ends is skipped when the send falls due.
 */
export function handleMessageSent(deps: NotificationDeps): EventHandler<"message.sent"> {
  return async ({ tx, event, log, now }) => {
    const p = event.payload;
    const [sender] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, p.senderId));
    const senderName = sender?.name ?? "Someone";
    const snippet = shortText(p.body || (p.attachments.length > 0 ? "Sent a photo" : ""), 280);
    const link = `/messages/${p.conversationId}`;
    for (const userId of new Set(p.recipientIds)) {
      if (userId === p.senderId) continue;
      if ((await lastReadSeq(tx, userId, p.conversationId)) >= p.seq) continue;
      const [recipient] = await tx.select({ status: users.status }).from(users).where(eq(users.id, userId));
      if (!recipient || recipient.status === "deleted") continue;
      const result = await notify(tx, {
        userId,
        category: "messages",
        type: "message.received",
        title: `New message from ${senderName}`,
        body: snippet,
        link,
        outbound: {
          kind: "message",
          payload: {
            title: `New message from ${senderName}`,
            body: snippet,
            link,
            conversationId: p.conversationId,
            seq: p.seq,
            senderName,
            masked: p.masked,
          },
          digestKey: "messages",
          delayMs: deps.timing.awayDelayMs,
          digestWindowMs: deps.timing.digestWindowMs,
        },
        now,
      });
      log.info("message notification scheduled", {
        eventId: event.id,
        userId,
        channels: result.scheduled.length,
      });
      await wakeWhenDue(deps.wakeUps, result, { now, log });
    }
  };
}
