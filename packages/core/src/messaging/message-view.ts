import type { AttachmentView, MessageView } from "@hometrip/contracts";
import type { Message, MessageAttachment } from "@hometrip/db";
import { type HiddenKind, maskPlaceholders } from "./mask-contact-details.ts";

/** Where a participant fetches an attachment's bytes (edge/api http/message-attachments.ts). */
export const attachmentUrl = (conversationId: string, key: string) =>
  `/conversations/${conversationId}/attachments/${key}`;

export function toAttachmentView(conversationId: string, attachment: MessageAttachment): AttachmentView {
  return {
    key: attachment.key,
    contentType: attachment.contentType as AttachmentView["contentType"],
    width: attachment.width,
    height: attachment.height,
    bytes: attachment.bytes,
    url: attachmentUrl(conversationId, attachment.key),
  };
}

export function toMessageView(row: Message): MessageView {
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    senderId: row.senderId,
    clientId: row.clientId,
    body: row.body,
    masked: row.masked,
    attachments: row.attachments.map((a) => toAttachmentView(row.conversationId, a)),
    createdAt: row.createdAt.toISOString(),
  };
}

/** What a stored masked body hid, read back from its placeholders (for a replayed send). */
export function hiddenKindsIn(body: string): HiddenKind[] {
  return (Object.keys(maskPlaceholders) as HiddenKind[]).filter((kind) =>
    body.includes(maskPlaceholders[kind]),
  );
}
