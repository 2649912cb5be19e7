import * as z from "zod";
import { defineEvent } from "./define.ts";

const zEventAttachment = z.object({
  key: z.string(),
  contentType: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
});

export const messagingEvents = {
  "message.sent": defineEvent({
    version: 1,
    description:
      "A message was stored in a conversation (recorded in the send's transaction): the rooms deliver it " +
      "live to the conversation's members, notifications tell recipients who are away. `body` is as " +
      "stored, so masked when `masked` is true.",
    payload: z.object({
      messageId: z.uuid(),
      conversationId: z.uuid(),
      seq: z.number().int().positive(),
      senderId: z.uuid(),
      recipientIds: z.array(z.uuid()).max(20),
      body: z.string().max(4000),
      masked: z.boolean(),
      attachments: z.array(zEventAttachment).max(10),
      createdAt: z.iso.datetime(),
    }),
  }),
  "conversation.read": defineEvent({
    version: 1,
    description:
      "A participant read a conversation up to `lastReadSeq` (on any device): rooms turn receipts to read " +
      "and update the reader's unread counts everywhere.",
    payload: z.object({
      conversationId: z.uuid(),
      userId: z.uuid(),
      lastReadSeq: z.number().int().nonnegative(),
    }),
  }),
} as const;
