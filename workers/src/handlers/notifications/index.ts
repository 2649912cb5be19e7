import type { NotificationDeps } from "../../notifications/deps.ts";
import { acknowledgeOnly, type EventHandlers } from "../types.ts";
import { handleBookingTransitioned } from "./booking-transitioned.ts";
import { handleConversationRead } from "./conversation-read.ts";
import { handleMessageSent } from "./message-sent.ts";

type NotificationHandlers = Pick<
  EventHandlers,
  "message.sent" | "conversation.read" | "booking.transitioned" | "notification.created"
>;

/** Without notification settings the handlers throw, so the broker keeps the events until configured. */
const notConfigured = async () => {
  throw new Error("no notification channels configured for the workers");
};

export function createNotificationHandlers(deps: NotificationDeps | undefined): NotificationHandlers {
  if (!deps) {
    return {
      "message.sent": notConfigured,
      "conversation.read": handleConversationRead,
      "booking.transitioned": notConfigured,
      "notification.created": acknowledgeOnly,
    };
  }
  return {
    "message.sent": handleMessageSent(deps),
    "conversation.read": handleConversationRead,
    "booking.transitioned": handleBookingTransitioned(deps),
    // Its live push is the post-commit step of the unit of work that stored it; nothing is left to do.
    "notification.created": acknowledgeOnly,
  };
}
