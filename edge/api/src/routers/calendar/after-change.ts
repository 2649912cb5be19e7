import { relayOutbox } from "@hometrip/core";
import { bumpSearchVersion } from "@hometrip/search";
import type { Services } from "../../services/index.ts";

/**
 * After a committed calendar change: publish its listing.changed event now rather than at the
 * next sweep, and drop every cached search page (availability changed). Both run after the
 * response; a failed bump only leaves pages stale for the cache TTL.
 */
export function afterCalendarChange(services: Services, eventId: string | null): void {
  if (!eventId) return;
  services.waitUntil(relayOutbox(services.db, services.publisher, { ids: [eventId], log: services.logger }));
  services.waitUntil(bumpSearchVersion(services.redis));
}

export const calendarActor = (actor: { userId: string; role: "member" | "admin" }) => ({
  userId: actor.userId,
  role: actor.role,
});
