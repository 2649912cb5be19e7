import { conversationParticipants, conversations, type Database, messages } from "@hometrip/db";
import { and, eq, sql } from "drizzle-orm";
import { recordEvent } from "../events/record-event.ts";
import { conversationNotFound } from "./access.ts";
import { unreadMessageCount } from "./inbox.ts";

/**
 * Moves the reader's position forward to `upToSeq` (never back, never past the newest message), so
 * every device agrees: the position lives on the participant, not in a browser. Records
 * `conversation.read` only when it moved, so receipts and counts update everywhere once.
 */
export async function markConversationRead(
  db: Database,
  input: { conversationId: string; userId: string; upToSeq: number },
): Promise<{ lastReadSeq: number; unreadCount: number; totalUnread: number }> {
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .select({ lastSeq: conversations.lastSeq })
      .from(conversations)
      .where(eq(conversations.id, input.conversationId));
    if (!conversation) throw conversationNotFound();
    const target = Math.min(input.upToSeq, conversation.lastSeq);
    const mine = and(
      eq(conversationParticipants.conversationId, input.conversationId),
      eq(conversationParticipants.userId, input.userId),
    );
    const [moved] = await tx
      .update(conversationParticipants)
      // lastReadAt follows the seq (the read message's time), for readers that compare by time.
      .set({
        lastReadSeq: target,
        lastReadAt: sql`(select ${messages.createdAt} from ${messages}
          where ${messages.conversationId} = ${input.conversationId} and ${messages.seq} = ${target})`,
      })
      .where(and(mine, sql`${conversationParticipants.lastReadSeq} < ${target}`))
      .returning({ lastReadSeq: conversationParticipants.lastReadSeq });
    if (moved) {
      await recordEvent(tx, "conversation.read", {
        conversationId: input.conversationId,
        userId: input.userId,
        lastReadSeq: moved.lastReadSeq,
      });
    }
    const [current] = await tx
      .select({ lastReadSeq: conversationParticipants.lastReadSeq })
      .from(conversationParticipants)
      .where(mine);
    if (!current) throw conversationNotFound();
    return {
      lastReadSeq: current.lastReadSeq,
      unreadCount: Math.max(0, conversation.lastSeq - current.lastReadSeq),
      totalUnread: await unreadMessageCount(tx, input.userId),
    };
  });
}
