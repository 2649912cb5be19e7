import * as z from "zod";
import { defineEvent } from "./define.ts";

const zAttachment = z.object({ key: z.string().max(512), contentType: z.string().max(128) }).passthrough();

/** Conversation events; the notification workers tell an away recipient and forget what was read. */
export const messagingEvents = {
  "message.sent": defineEvent({
    version: 1,
    description:
      "A participant sent a message; the workers tell recipients who do not read it live (e-mail, push, SMS as they chose).",
    payload: z.object({
      messageId: z.uuid(),
      conversationId: z.uuid(),
      /** Position in the conversation, from 1; read receipts name the highest seq read. */
      seq: z.number().int().min(1),
      senderId: z.uuid(),
      recipientIds: z.array(z.uuid()).max(50),
      body: z.string().max(10_000),
      /** Contact details were masked before a booking was confirmed. */
      masked: z.boolean(),
      attachments: z.array(zAttachment).max(20),
      createdAt: z.iso.datetime({ offset: true }),
    }),
  }),
  "conversation.read": defineEvent({
    version: 1,
    description:
      "A participant read a conversation up to a message; pending e-mails about those messages are dropped.",
    payload: z.object({
      conversationId: z.uuid(),
      userId: z.uuid(),
      lastReadSeq: z.number().int().min(0),
    }),
  }),
} as const;
