import { AppError, type IcalImportJob } from "@hometrip/contracts";
import { icalFeedKey } from "@hometrip/core";
import { Client } from "@upstash/qstash";
import type { Services } from "../../services/index.ts";

export const MAX_ICAL_IMPORTS = 5;
/** Every 30 minutes, the usual refresh of the big platforms' own iCal sync. */
export const ICAL_IMPORT_CRON = "*/30 * * * *";

/** Redis hash per listing, feed key → URL: the list of feeds shown to the host. */
export const icalImportsKey = (listingId: string) => `calendar:ical-imports:${listingId}`;
export const icalScheduleId = (listingId: string, feedKey: string) => `ical-import-${listingId}-${feedKey}`;

const client = (services: Services) =>
  new Client({ baseUrl: services.config.QSTASH_URL, token: services.config.QSTASH_TOKEN });

const jobUrl = (services: Services) =>
  `${services.config.EVENTS_DESTINATION_URL.replace(/\/+$/, "")}/jobs/ical-import`;

export async function listIcalImports(services: Services, listingId: string) {
  const feeds = (await services.redis.hgetall<Record<string, string>>(icalImportsKey(listingId))) ?? {};
  return Object.entries(feeds).map(([feedKey, url]) => ({
    feedKey,
    url,
    scheduleId: icalScheduleId(listingId, feedKey),
  }));
}

/**
 * Stores the feed and (re)creates its schedule; the schedule's body carries the job, so the
 * worker needs nothing else. One immediate run is published too, so the host sees the blocks
 * without waiting half an hour. Same URL again: same schedule id, so it is simply replaced.
 */
export async function addIcalImport(services: Services, job: IcalImportJob) {
  const feedKey = await icalFeedKey(job.url);
  const existing = await listIcalImports(services, job.listingId);
  if (existing.length >= MAX_ICAL_IMPORTS && !existing.some((f) => f.feedKey === feedKey)) {
    throw new AppError("BAD_REQUEST", `A listing can import at most ${MAX_ICAL_IMPORTS} calendars`);
  }
  const scheduleId = icalScheduleId(job.listingId, feedKey);
  const qstash = client(services);
  const body = JSON.stringify(job);
  const headers = { "content-type": "application/json" };
  await qstash.schedules.create({
    scheduleId,
    destination: jobUrl(services),
    cron: ICAL_IMPORT_CRON,
    body,
    headers,
  });
  await services.redis.hset(icalImportsKey(job.listingId), { [feedKey]: job.url });
  services.waitUntil(qstash.publish({ url: jobUrl(services), body, headers }));
  return { feedKey, url: job.url, scheduleId };
}

/** Stops the schedule and forgets the feed; blocks it made stay until the host unblocks them. */
export async function removeIcalImport(services: Services, listingId: string, url: string) {
  const feedKey = await icalFeedKey(url);
  const removed = (await services.redis.hdel(icalImportsKey(listingId), feedKey)) > 0;
  if (removed) await client(services).schedules.delete(icalScheduleId(listingId, feedKey));
  return { removed };
}
