import { acknowledgeOnly, type EventHandlers } from "../types.ts";

/**
 * Message events are delivered live by the rooms (post-commit step) and turned into e-mail, push or
 * SMS for away recipients by the notifications handlers; nothing else in the workers reacts yet.
 */
export const messagingHandlers = {
  "message.sent": acknowledgeOnly,
  "conversation.read": acknowledgeOnly,
} satisfies Partial<EventHandlers>;

export { handleBookingTransitionedForMessaging } from "./booking-transitioned.ts";
