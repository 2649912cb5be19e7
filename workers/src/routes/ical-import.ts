import { errorStatus, zIcalImportJob } from "@hometrip/contracts";
import {
  describeError,
  findIcalImport,
  findListing,
  type IcalImportedEvent,
  IcalParseError,
  parseIcalEvents,
  recordIcalImportFailure,
  syncIcalFeedBlocks,
  trackCommittedEvents,
} from "@hometrip/core";
import { Hono } from "hono";
import type { WorkerDeps } from "../deps.ts";
import { workerAfterCommit } from "../events/after-commit.ts";
import { feedFailureMessage } from "../handlers/calendar/feed-error.ts";
import { fetchIcalFeed } from "../handlers/calendar/fetch-feed.ts";
import { requireQStashSignature, type SignedEnv } from "../signature.ts";

/**
 * POST /jobs/ical-import — target of each feed's QStash schedule (body: { listingId, url }).
 * Only feeds registered in ical_imports are synced: a schedule that outlived its feed (removed
 * while a delivery was in flight, or while the feed was being fetched) does nothing. A feed that
 * cannot be fetched or read leaves the blocks as they are, records why on its row for the host,
 * and answers 200: the schedule is the retry, and QStash redelivering a dead URL every few seconds
 * helps nobody.
 */
export function icalImportRoute(deps: WorkerDeps) {
  const clock = deps.clock ?? (() => new Date());
  const afterCommit = workerAfterCommit(deps);
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
    const fields = { listingId: job.listingId };
    // Deleting a listing deletes its feeds too, so this also covers a listing that is gone.
    const feed = await findIcalImport(deps.db, job.listingId, job.url);
    if (!feed) {
      c.var.log.warn("ical import job for a feed that is not registered", fields);
      return c.json({ status: "not_registered" as const });
    }

    const { timezone } = await findListing(deps.db, job.listingId);
    let events: IcalImportedEvent[];
    try {
      const text = await fetchIcalFeed(job.url, { allowPrivateNetworks: false, ...deps.icalFetch });
      // Date-times become the listing's dates; recurrences are expanded from its today on.
      events = parseIcalEvents(text, { timezone, now: clock() });
    } catch (error) {
      const status = error instanceof IcalParseError ? ("parse_failed" as const) : ("fetch_failed" as const);
      const message =
        error instanceof IcalParseError
          ? error.message
          : feedFailureMessage(error, deps.icalFetch?.timeoutMs);
      c.var.log.warn("ical feed not synced", { ...fields, status, error: describeError(error) });
      await recordIcalImportFailure(deps.db, feed.id, { at: clock(), error: message });
      return c.json({ status, error: message });
    }

    // The events this sync records carry the job's trace on to the workers that handle them.
    const unit = trackCommittedEvents(deps.db, { traceparent: c.var.trace.traceparent });
    const synced = await syncIcalFeedBlocks(unit.db, {
      listingId: job.listingId,
      url: job.url,
      events,
      log: c.var.log,
      record: { importId: feed.id, at: clock() },
    });
    if (!synced) {
      // The host removed the feed (and its blocks) while its events were being fetched.
      c.var.log.info("ical feed removed during its sync; nothing imported", fields);
      return c.json({ status: "not_registered" as const });
    }
    const { eventId: _eventId, ...counts } = synced;
    c.var.log.info("ical feed imported", { ...fields, events: events.length, ...counts });
    // The same step as the API's: cached search pages may list the listing as free on dates the
    // feed just took, and the listing.changed event goes out now rather than at the next sweep.
    await afterCommit(unit.events.take(), c.var.log);
    return c.json({ status: "imported" as const, events: events.length, ...counts });
  });
  return app;
}
