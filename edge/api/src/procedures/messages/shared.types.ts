import {
  MAX_ATTACHMENTS_PER_MESSAGE,
  zAttachmentKey,
  zClientMessageId,
  zMaskingNotice,
  zMessageBody,
  zMessageView,
} from "@hometrip/contracts";
import * as z from "zod";

export const zConversationId = z.uuid();

/** What a send carries besides its conversation: the text, the client's id, uploaded images. */
export const zOutgoingMessage = {
  body: zMessageBody,
  clientId: zClientMessageId,
  attachmentKeys: z.array(zAttachmentKey).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
};

export const zSentMessage = z.object({
  message: zMessageView,
  /** Set when contact details were hidden: what, and why (shown to the sender). */
  masking: zMaskingNotice.nullable(),
  /** The client id was sent before: this is that message, nothing new was stored. */
  replayed: z.boolean(),
});
