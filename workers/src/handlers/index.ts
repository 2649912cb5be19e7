import { systemHandlers } from "./system/index.ts";
import { acknowledgeOnly, type EventHandlers } from "./types.ts";

/** Each domain exports its handlers from `./<domain>/index.ts`; they are merged here. */
export const eventHandlers: EventHandlers = {
  ...systemHandlers,
  // Placeholders until the mail handlers land.
  "auth.email_verification_requested": acknowledgeOnly,
  "auth.password_reset_requested": acknowledgeOnly,
  "auth.password_changed": acknowledgeOnly,
};

export { acknowledgeOnly, type EventContext, type EventHandler, type EventHandlers } from "./types.ts";
