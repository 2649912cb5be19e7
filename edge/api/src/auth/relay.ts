import { relayOutbox } from "@hometrip/core";
import type { Services } from "../services/index.ts";

/** Publishes just-committed events after the response; the scheduled sweep catches a failure. */
export function relayAfterCommit(services: Services, ...eventIds: (string | null | undefined)[]): void {
  const ids = eventIds.filter((id): id is string => typeof id === "string");
  if (ids.length === 0) return;
  services.waitUntil(relayOutbox(services.db, services.publisher, { ids, log: services.logger }));
}
