import type { EventPublisher, Logger } from "@hometrip/core";
import type { Database } from "@hometrip/db";
import type { Redis } from "@hometrip/kv";
import type { Stripe } from "@hometrip/payments";
import type { SearchIndex } from "@hometrip/search";
import type { MailDeps } from "./handlers/auth/mail-deps.ts";
import type { BookingHandlerDeps } from "./handlers/bookings/index.ts";
import type { FeedFetchOptions } from "./handlers/calendar/fetch-feed.ts";
import type { EventHandlers } from "./handlers/types.ts";
import type { SignatureVerifier } from "./signature.ts";

export interface WorkerDeps {
  db: Database;
  /** `new Receiver({ currentSigningKey, nextSigningKey })` from `@upstash/qstash`. */
  receiver: SignatureVerifier;
  /** Used by the outbox sweep. */
  publisher: EventPublisher;
  log: Logger;
  clock?: () => Date;
  /** Mail links and transport for the auth mail handlers; without it those events fail and retry. */
  mail?: MailDeps;
  /** Defaults to the registry in `./handlers`; tests hand in their own to inject failures. */
  handlers?: EventHandlers;
  /** Base URL the broker delivers to (signature `sub` claim); default: the request's own URL. */
  publicUrl?: string;
  sweep?: { batchSize?: number; maxBatches?: number };
  /** iCal import fetching; private network addresses are refused unless allowed (dev, tests). */
  icalFetch?: Partial<FeedFetchOptions>;
  /**
   * The Redis edge/api caches search pages and listing views in; the post-commit step invalidates
   * there. Without it, a sync that changes availability leaves cached pages to expire on their
   * TTL instead of dropping them at once.
   */
  searchCache?: { redis: Redis /** Key namespace; tests pass their own. */; prefix?: string };
  /** Stripe and the deadline scheduler for booking.transitioned; without them no money moves. */
  bookings?: BookingHandlerDeps;
  /** Index that listing.changed updates: Typesense in production, else Postgres (nothing to copy). */
  search?: SearchIndex;
  /** Stripe (STRIPE_API_BASE: the stand-in locally) for the payout and reconciliation jobs. */
  stripe?: Stripe;
}
