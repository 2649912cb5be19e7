import { Hono } from "hono";
import type { HonoEnv } from "./context.ts";
import { notFound, onError } from "./errors.ts";
import { avatarRoutes } from "./http/avatars.ts";
import { healthRoutes } from "./http/health.ts";
import { icalRoutes } from "./http/ical.ts";
import { listingPhotoRoutes } from "./http/listing-photos.ts";
import { messageAttachmentRoutes } from "./http/message-attachments.ts";
import { metricsRoutes } from "./http/metrics.ts";
import { oauthRoutes } from "./http/oauth.ts";
import { partnerApiRoutes } from "./http/partner-api.ts";
import { stripeWebhookRoutes } from "./http/stripe-webhooks.ts";
import { trpcRoutes } from "./http/trpc.ts";
import { unsubscribeRoutes } from "./http/unsubscribe.ts";
import { answerListingFromIsolate, listingGetPath } from "./listings/isolate-listing-answer.ts";
import { loadConfig } from "./middleware/config.ts";
import { cors } from "./middleware/cors.ts";
import { drainUnreadBody } from "./middleware/drain-body.ts";
import { init } from "./middleware/init.ts";
import { requestLogger } from "./middleware/logger.ts";
import { type MetricsOptions, recordMetrics } from "./middleware/metrics.ts";
import { requestId } from "./middleware/request-id.ts";
import { tracing } from "./middleware/tracing.ts";
import { apiRateLimit } from "./rate-limit/api-limit.ts";
import { appProcedurePaths } from "./router.ts";
import type { Clock } from "./services/clock.ts";
import { createIsolateState, type IsolateState } from "./services/isolate-state.ts";

/**
 * Order matters: the request id, trace and logger come first so every later failure, including a bad
 * configuration, is answered and logged with the id. `clock` is the time every service reads
 * (rate limits included); tests stop it, the deployed Worker uses the system clock.
 */
export function createApp(opts: { clock?: Clock; metrics?: MetricsOptions; isolate?: IsolateState } = {}) {
  const isolate = opts.isolate ?? createIsolateState();
  return (
    new Hono<HonoEnv>()
      .use(requestId)
      .use(tracing)
      .use(requestLogger)
      .use(drainUnreadBody)
      .use(loadConfig)
      .use(cors)
      .use(init(isolate, opts.clock))
      .use(recordMetrics(appProcedurePaths, opts.metrics))
      // Uploads share the general budget with tRPC calls: they are the most expensive requests.
      .use("/users/me/avatar", apiRateLimit)
      .use("/listings/:id/photos", apiRateLimit)
      .route("/", healthRoutes)
      .route("/", metricsRoutes)
      .route("/", avatarRoutes)
      .route("/", listingPhotoRoutes)
      .route("/", messageAttachmentRoutes)
      .route("/", oauthRoutes)
      .route("/", icalRoutes)
      .route("/", stripeWebhookRoutes)
      .route("/", unsubscribeRoutes)
      .use("/trpc/*", apiRateLimit)
      // A listing this isolate holds, read anonymously, is answered without running tRPC.
      .use(listingGetPath, answerListingFromIsolate)
      .route("/", trpcRoutes)
      .use("/v1/*", apiRateLimit)
      .route("/", partnerApiRoutes)
      .notFound(notFound)
      .onError(onError)
  );
}
