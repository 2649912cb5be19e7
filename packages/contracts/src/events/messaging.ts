import * as z from "zod";
import { zRoomAttachment } from "../realtime.ts";
import { defineEvent } from "./define.ts";

export const messagingEvents = {
  "message.sent": defineEvent({
    version: 1,
    description:
      "A message was stored in a conversation. After commit the API delivers it live to the conversation " +
      "room and refreshes the recipients' unread counts; the workers notify recipients who are away.",
    payload: z.object({
      messageId: z.uuid(),
      conversationId: z.uuid(),
      seq: z.number().int().nonnegative(),
      senderId: z.uuid(),
      recipientIds: z.array(z.uuid()).max(50),
      body: z.string().max(10_000),
      masked: z.boolean(),
      attachments: z.array(zRoomAttachment).max(20),
      createdAt: z.iso.datetime({ offset: true }),
    }),
  }),
  "conversation.read": defineEvent({
    version: 1,
    description: "A participant read a conversation up to a message; the room shows the receipt live.",
    payload: z.object({
      conversationId: z.uuid(),
      userId: z.uuid(),
      lastReadSeq: z.number().int().nonnegative(),
    }),
  }),
} as const;
