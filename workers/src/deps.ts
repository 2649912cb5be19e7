import type { EventPublisher, Logger, RoomDelivery } from "@hometrip/core";
import type { Database } from "@hometrip/db";
import type { Redis } from "@hometrip/kv";
import type { Stripe } from "@hometrip/payments";
import type { SearchIndex } from "@hometrip/search";
import type { MailDeps } from "./handlers/auth/mail-deps.ts";
import type { BookingHandlerDeps } from "./handlers/bookings/index.ts";
import type { FeedFetchOptions } from "./handlers/calendar/fetch-feed.ts";
import type { EventHandlers } from "./handlers/types.ts";
import type { WorkerMetrics } from "./metrics/worker-metrics.ts";
import type { NotificationDeps } from "./notifications/deps.ts";
import type { SignatureVerifier } from "./signature.ts";
import type { SpanRecorder } from "./tracing/otlp-exporter.ts";

export interface WorkerDeps {
  db: Database;
  /** `new Receiver({ currentSigningKey, nextSigningKey })` from `@upstash/qstash`. */
  receiver: SignatureVerifier;
  /** Used by the outbox sweep, and to relay the events a unit of work recorded once it commits. */
  publisher: EventPublisher;
  /**
   * The realtime Worker's rooms (`httpRoomDelivery`): committed events are delivered into them
   * live, e.g. a stored notification into its member's user room. Without it (REALTIME_URL unset)
   * tabs see new notifications on the bell's next poll.
   */
  rooms?: RoomDelivery | null;
  log: Logger;
  clock?: () => Date;
  /** Mail links and transport for the auth mail handlers; without it those events fail and retry. */
  mail?: MailDeps;
  /** Channels, links and timing of notifications; without it message and booking events fail and retry. */
  notifications?: NotificationDeps;
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
  /** Prometheus counters of deliveries and handler latency; one per app by default. */
  metrics?: WorkerMetrics;
  /** Bearer token GET /metrics asks for (METRICS_TOKEN); unset, there is no /metrics. */
  metricsToken?: string;
  /** Where each handled delivery's span goes (OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set). */
  spans?: SpanRecorder;
}
