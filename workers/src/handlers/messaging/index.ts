import { acknowledgeOnly, type EventHandlers } from "../types.ts";

/**
 * Live delivery of these events happens in the API's post-commit step (the rooms); nothing in the
 * workers reacts yet. Notifying recipients who are away replaces `message.sent`'s entry.
 */
export const messagingHandlers = {
  "message.sent": acknowledgeOnly,
  "conversation.read": acknowledgeOnly,
} satisfies Partial<EventHandlers>;

export { handleBookingTransitionedForMessaging } from "./booking-transitioned.ts";
