import { systemHandlers } from "./system/index.ts";
import type { EventHandlers } from "./types.ts";

/** Each domain exports its handlers from `./<domain>/index.ts`; they are merged here. */
export const eventHandlers: EventHandlers = {
  ...systemHandlers,
};

export { acknowledgeOnly, type EventContext, type EventHandler, type EventHandlers } from "./types.ts";
