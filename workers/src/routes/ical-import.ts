import { errorStatus, zIcalImportJob } from "@hometrip/contracts";
import { describeError, parseIcalEvents, relayOutbox, syncIcalFeedBlocks } from "@hometrip/core";
import { listings } from "@hometrip/db";
import { bumpSearchVersion } from "@hometrip/search";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import type { WorkerDeps } from "../deps.ts";
import { fetchIcalFeed } from "../handlers/calendar/fetch-feed.ts";
import { requireQStashSignature, type SignedEnv } from "../signature.ts";

/**
 * POST /jobs/ical-import — target of each feed's QStash schedule (body: { listingId, url }).
 * A feed that cannot be fetched or read leaves the blocks as they are and answers 200: the
 * schedule is the retry, and QStash redelivering a dead URL every few seconds helps nobody.
 */
export function icalImportRoute(deps: WorkerDeps) {
  const app = new Hono<SignedEnv>();
  app.post("/jobs/ical-import", requireQStashSignature(deps), async (c) => {
    let body: unknown;
    try {
      body = JSON.parse(c.var.rawBody);
    } catch {
      body = undefined;
    }
    const parsed = zIcalImportJob.safeParse(body);
    if (!parsed.success) {
      return c.json({ code: "BAD_REQUEST", message: "Not an iCal import job" }, errorStatus.BAD_REQUEST);
    }
    const job = parsed.data;
    const [listing] = await deps.db
      .select({ id: listings.id })
      .from(listings)
      .where(eq(listings.id, job.listingId));
    if (!listing) {
      deps.log.warn("ical import for a missing listing", { listingId: job.listingId });
      return c.json({ status: "listing_missing" as const });
    }
    let text: string;
    try {
      text = await fetchIcalFeed(job.url, { allowPrivateNetworks: false, ...deps.icalFetch });
    } catch (error) {
      deps.log.warn("ical feed fetch failed", { listingId: job.listingId, error: describeError(error) });
      return c.json({ status: "fetch_failed" as const });
    }
    const events = parseIcalEvents(text);
    const result = await syncIcalFeedBlocks(deps.db, {
      listingId: job.listingId,
      url: job.url,
      events,
      log: deps.log,
    });
    const { eventId, ...counts } = result;
    deps.log.info("ical feed imported", { listingId: job.listingId, events: events.length, ...counts });
    if (eventId) {
      // Cached search pages may list the listing as free on dates the feed just took.
      if (deps.searchCache) {
        await bumpSearchVersion(deps.searchCache.redis, { prefix: deps.searchCache.prefix }).catch(
          (error: unknown) =>
            deps.log.warn("search cache version not bumped", {
              listingId: job.listingId,
              error: describeError(error),
            }),
        );
      }
      // Publish now rather than at the next outbox sweep; a failure here is left to the sweep.
      await relayOutbox(deps.db, deps.publisher, { ids: [eventId], log: deps.log });
    }
    return c.json({ status: "imported" as const, ...counts });
  });
  return app;
}
