import { AppError, type MessageView } from "@hometrip/contracts";
import {
  bookings,
  conversationParticipants,
  conversations,
  type Database,
  type Message,
  type MessageAttachment,
  messages,
  type Tx,
} from "@hometrip/db";
import { and, eq, ne, sql } from "drizzle-orm";
import { recordEvent } from "../events/record-event.ts";
import { contactSharingStatuses, conversationNotFound, isUniqueViolation } from "./access.ts";
import { type HiddenKind, maskContactDetails } from "./mask-contact-details.ts";
import { hiddenKindsIn, toMessageView } from "./message-view.ts";

export type SendMessageInput = {
  conversationId: string;
  senderId: string;
  clientId: string;
  body: string;
  attachments: MessageAttachment[];
};

export type SentMessage = {
  message: MessageView;
  /** Contact details hidden from the body; empty when nothing was. */
  hidden: HiddenKind[];
  /** true: this client id was sent before and this is that message, unchanged. */
  replayed: boolean;
};

/**
 * Stores a message with the conversation's next seq and records `message.sent` in the same
 * transaction. Idempotent by (sender, client id): a retry returns the first message, never a
 * second one, also when two retries race (the unique index decides, the loser reads the winner).
 */
export async function sendMessage(db: Database, input: SendMessageInput): Promise<SentMessage> {
  if (input.body.length === 0 && input.attachments.length === 0) {
    throw new AppError("BAD_REQUEST", "Write a message or attach an image");
  }
  const earlier = await sentBefore(db, input);
  if (earlier) return earlier;
  try {
    return await db.transaction((tx) => storeMessage(tx, input));
  } catch (error) {
    if (!isUniqueViolation(error, "messages_sender_client_id_key")) throw error;
    const winner = await sentBefore(db, input);
    if (!winner) throw error;
    return winner;
  }
}

async function sentBefore(db: Database, input: SendMessageInput): Promise<SentMessage | null> {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.senderId, input.senderId), eq(messages.clientId, input.clientId)));
  if (!row) return null;
  if (row.conversationId !== input.conversationId) {
    throw new AppError("CONFLICT", "This client message id was already used for another conversation");
  }
  return { message: toMessageView(row), hidden: row.masked ? hiddenKindsIn(row.body) : [], replayed: true };
}

async function storeMessage(tx: Tx, input: SendMessageInput): Promise<SentMessage> {
  // The row lock on the conversation orders concurrent sends: seqs are strictly increasing, no gaps.
  const [conversation] = await tx
    .update(conversations)
    .set({ lastSeq: sql`${conversations.lastSeq} + 1`, lastMessageAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(conversations.id, input.conversationId))
    .returning({ seq: conversations.lastSeq, bookingId: conversations.bookingId });
  if (!conversation) throw conversationNotFound();

  const shared = await contactDetailsShared(tx, conversation.bookingId);
  const { body, hidden } = shared ? { body: input.body, hidden: [] } : maskContactDetails(input.body);
  const [row] = await tx
    .insert(messages)
    .values({
      conversationId: input.conversationId,
      senderId: input.senderId,
      seq: conversation.seq,
      clientId: input.clientId,
      body,
      masked: hidden.length > 0,
      attachments: input.attachments,
    })
    .returning();
  if (!row) throw new Error("message insert returned nothing");

  // Replying means having read what came before.
  await tx
    .update(conversationParticipants)
    .set({ lastReadSeq: row.seq, lastReadAt: row.createdAt })
    .where(
      and(
        eq(conversationParticipants.conversationId, row.conversationId),
        eq(conversationParticipants.userId, row.senderId),
      ),
    );
  await recordEvent(tx, "message.sent", sentEvent(row, await recipientsOf(tx, row)));
  return { message: toMessageView(row), hidden, replayed: false };
}

async function contactDetailsShared(tx: Tx, bookingId: string | null): Promise<boolean> {
  if (!bookingId) return false;
  const [booking] = await tx
    .select({ status: bookings.status })
    .from(bookings)
    .where(eq(bookings.id, bookingId));
  return booking !== undefined && contactSharingStatuses.includes(booking.status);
}

async function recipientsOf(tx: Tx, row: Message): Promise<string[]> {
  const rows = await tx
    .select({ userId: conversationParticipants.userId })
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.conversationId, row.conversationId),
        ne(conversationParticipants.userId, row.senderId),
      ),
    );
  return rows.map((r) => r.userId);
}

const sentEvent = (row: Message, recipientIds: string[]) => ({
  messageId: row.id,
  conversationId: row.conversationId,
  seq: row.seq,
  senderId: row.senderId,
  recipientIds,
  body: row.body,
  masked: row.masked,
  attachments: row.attachments,
  createdAt: row.createdAt.toISOString(),
});
