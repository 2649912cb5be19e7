export { contactSharingStatuses, conversationNotFound } from "./access.ts";
export { attachBookingToConversation, type BookingForConversation } from "./attach-booking.ts";
export { guestConversationFor, openInquiry } from "./conversations.ts";
export { conversationSummary, listConversations, unreadMessageCount } from "./inbox.ts";
export { listMessages, type MessagePage } from "./list-messages.ts";
export { markConversationRead } from "./mark-read.ts";
export {
  type HiddenKind,
  type MaskResult,
  maskContactDetails,
  maskingExplanation,
  maskPlaceholders,
} from "./mask-contact-details.ts";
export { attachmentUrl, hiddenKindsIn, toMessageView } from "./message-view.ts";
export { type SendMessageInput, type SentMessage, sendMessage } from "./send-message.ts";
