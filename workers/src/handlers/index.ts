import type { SearchIndex } from "@hometrip/search";
import { createAuthHandlers, type MailDeps } from "./auth/index.ts";
import { messagingHandlers } from "./messaging/index.ts";
import { createSearchHandlers } from "./search/index.ts";
import { systemHandlers } from "./system/index.ts";
import type { EventHandlers } from "./types.ts";

/** Each domain exports its handlers from `./<domain>/index.ts`; they are merged here. */
export function createEventHandlers(deps: { mail?: MailDeps; search?: SearchIndex } = {}): EventHandlers {
  return {
    ...systemHandlers,
    ...createAuthHandlers(deps.mail),
    ...createSearchHandlers(deps.search),
    ...messagingHandlers,
  };
}

/** The registry without mail settings: mail events fail (and are retried) until configured. */
export const eventHandlers: EventHandlers = createEventHandlers();

export { createMailDeps, type MailDeps } from "./auth/index.ts";
export { acknowledgeOnly, type EventContext, type EventHandler, type EventHandlers } from "./types.ts";
