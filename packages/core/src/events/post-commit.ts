import type { Database } from "@hometrip/db";
import type { Redis } from "@hometrip/kv";
import { bumpSearchVersion } from "@hometrip/search";
import { listingViewCache } from "../listings/view-cache.ts";
import { describeError, type Logger } from "../logger.ts";
import { deliverCommittedToRooms } from "../realtime/deliver-committed.ts";
import type { RoomDelivery } from "../realtime/room-delivery.ts";
import type { RecordedEvent } from "./event-log.ts";
import { type CacheInvalidation, invalidationsFor } from "./invalidations.ts";
import type { EventPublisher } from "./publisher.ts";
import { relayOutbox } from "./relay-outbox.ts";

export interface PostCommitTargets {
  db: Database;
  publisher: EventPublisher;
  log: Logger;
  /** The Redis the API caches in; null where no cache is reachable (entries then expire on their TTL). */
  cacheRedis: Redis | null;
  /** Key namespace of the caches; tests pass their own. */
  cachePrefix?: string;
  /**
   * Runs the relay: the Worker hands it to waitUntil so the answer does not wait for the broker;
   * a Bun job awaits it. A failed relay is left to the outbox sweep.
   */
  relay: (task: Promise<unknown>) => void | Promise<void>;
  /**
   * The rooms committed events are delivered into live (room-deliveries.ts); absent where no
   * rooms are reachable (a Bun job), then clients see the change on their next load.
   */
  rooms?: RoomDelivery | null;
}

/**
 * The one step after a unit of work commits: applies the cache invalidations that follow from the
 * committed events' types (awaited, so the caller's next read is fresh), delivers them into the
 * realtime rooms (awaited, so one client's successive sends arrive in order), and relays the events
 * to the broker now rather than at the next sweep. A Redis or room failure is logged, not thrown:
 * cached entries then expire on their short TTL, and clients catch up on reconnect.
 */
export async function runPostCommit(events: RecordedEvent[], targets: PostCommitTargets): Promise<void> {
  if (events.length === 0) return;
  const { db, publisher, log, cacheRedis, rooms } = targets;
  const invalidations = cacheRedis
    ? invalidationsFor(events).map((invalidation) =>
        invalidate(cacheRedis, invalidation, targets.cachePrefix).catch((error: unknown) =>
          log.warn("cache not invalidated", { ...invalidation, error: describeError(error) }),
        ),
      )
    : [];
  const deliveries = rooms ? deliverCommittedToRooms(events, { db, rooms, log }) : Promise.resolve();
  await Promise.all([...invalidations, deliveries]);
  const ids = events.map((event) => event.id);
  await targets.relay(relayOutbox(db, publisher, { ids, log }));
}

function invalidate(redis: Redis, invalidation: CacheInvalidation, prefix?: string): Promise<void> {
  switch (invalidation.cache) {
    case "searchPages":
      return bumpSearchVersion(redis, { prefix });
    case "listingView":
      return listingViewCache(redis, { prefix }).invalidate(invalidation.listingId);
  }
}
