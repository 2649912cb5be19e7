import { router } from "../../trpc.ts";
import { contactHostProcedure } from "./contact-host.ts";
import { conversationProcedure } from "./conversation.ts";
import { listMessagesProcedure } from "./list.ts";
import { listConversationsProcedure } from "./list-conversations.ts";
import { markReadProcedure } from "./mark-read.ts";
import { sendMessageProcedure } from "./send.ts";
import { startInquiryProcedure } from "./start-inquiry.ts";
import { unreadCountProcedure } from "./unread-count.ts";

/** Guest–host conversations; image bytes are uploaded over HTTP (http/message-attachments.ts). */
export const messagesRouter = router({
  contactHost: contactHostProcedure,
  startInquiry: startInquiryProcedure,
  send: sendMessageProcedure,
  list: listMessagesProcedure,
  conversation: conversationProcedure,
  listConversations: listConversationsProcedure,
  markRead: markReadProcedure,
  unreadCount: unreadCountProcedure,
});
