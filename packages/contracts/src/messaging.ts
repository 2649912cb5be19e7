import * as z from "zod";
import { zText } from "./input-bounds.ts";

/** The longest message a person may send: a long question fits, a pasted document does not. */
export const MAX_MESSAGE_LENGTH = 2000;
export const MAX_ATTACHMENTS_PER_MESSAGE = 4;
/** The most messages one `messages.list` call returns. */
export const MAX_MESSAGES_PAGE = 100;
export const MAX_CONVERSATIONS_PAGE = 50;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const attachmentTypes = ["image/jpeg", "image/png", "image/webp"] as const;

export const zMessageBody = zText({ max: MAX_MESSAGE_LENGTH, multiline: true });
/** Chosen by the client per message (a uuid suits); the same id again is the same message. */
export const zClientMessageId = zText({ min: 8, max: 64 }).regex(/^[A-Za-z0-9_-]+$/, {
  message: "may hold only letters, digits, '-' and '_'",
});
export const zAttachmentKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{32}$/, { message: "is not an attachment key" });
/** A position in a conversation: messages are numbered 1, 2, 3… */
export const zSeq = z.number().int().min(0).max(2_147_483_647);

export const zAttachmentView = z.object({
  key: z.string(),
  contentType: z.enum(attachmentTypes),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  /** Path under the API's origin; only participants are served the bytes. */
  url: z.string(),
});
export type AttachmentView = z.output<typeof zAttachmentView>;

export const hiddenContactKinds = ["email", "phone", "link"] as const;

export const zMessageView = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  seq: z.number().int(),
  senderId: z.uuid(),
  clientId: z.string(),
  body: z.string(),
  /** Contact details in `body` were hidden because the booking was not yet confirmed. */
  masked: z.boolean(),
  attachments: z.array(zAttachmentView),
  createdAt: z.iso.datetime(),
});
export type MessageView = z.output<typeof zMessageView>;

export const zConversationParty = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  role: z.enum(["guest", "host", "admin"]),
});

export const zConversationSummary = z.object({
  id: z.uuid(),
  listing: z
    .object({
      id: z.uuid(),
      title: z.string(),
      coverPhotoUrl: z.string().nullable(),
      city: z.string().nullable(),
    })
    .nullable(),
  bookingId: z.uuid().nullable(),
  bookingStatus: z.string().nullable(),
  /** Contact details are shown from now on (the booking is confirmed). */
  contactDetailsShared: z.boolean(),
  myRole: z.enum(["guest", "host", "admin"]),
  otherParty: zConversationParty.nullable(),
  lastMessage: z
    .object({
      seq: z.number().int(),
      senderId: z.uuid(),
      body: z.string(),
      hasAttachments: z.boolean(),
      createdAt: z.iso.datetime(),
    })
    .nullable(),
  lastSeq: z.number().int(),
  lastReadSeq: z.number().int(),
  /** The other party's read position: my messages up to it are read. */
  otherLastReadSeq: z.number().int(),
  unreadCount: z.number().int(),
  lastMessageAt: z.iso.datetime().nullable(),
});
export type ConversationSummary = z.output<typeof zConversationSummary>;

export const zMaskingNotice = z.object({
  hidden: z.array(z.enum(hiddenContactKinds)),
  explanation: z.string(),
});
